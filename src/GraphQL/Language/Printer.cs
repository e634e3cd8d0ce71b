using System.Globalization;
using System.Text;

namespace RfmGraph.GraphQL.Language;

/// <summary>
/// Prints an AST back to GraphQL text in exactly the layout of graphql-js's <c>print()</c>: two-space
/// indentation, one selection per line, arguments wrapped onto separate lines past 80 characters.
/// </summary>
public static class Printer
{
    private const int MaxLineLength = 80;

    /// <summary>Prints any node.</summary>
    public static string Print(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            NameNode n => n.Value,
            VariableNode n => "$" + n.Name.Value,
            DocumentNode n => Join(n.Definitions.Select(Print), "\n\n"),
            OperationDefinitionNode n => PrintOperation(n),
            VariableDefinitionNode n => Print(n.Variable) + ": " + Print(n.Type) + Wrap(" = ", PrintOrNull(n.DefaultValue)) + Wrap(" ", Directives(n.Directives)),
            SelectionSetNode n => Block(n.Selections.Select(Print)),
            FieldNode n => PrintField(n),
            ArgumentNode n => n.Name.Value + ": " + Print(n.Value),
            FragmentSpreadNode n => "..." + n.Name.Value + Wrap(" ", Directives(n.Directives)),
            InlineFragmentNode n => Join(["...", Wrap("on ", PrintOrNull(n.TypeCondition)), Directives(n.Directives), Print(n.SelectionSet)], " "),
            FragmentDefinitionNode n => "fragment " + n.Name.Value + " on " + Print(n.TypeCondition) + " " + Wrap(string.Empty, Directives(n.Directives), " ") + Print(n.SelectionSet),
            IntValueNode n => n.Value,
            FloatValueNode n => n.Value,
            StringValueNode n => n.Block ? BlockString.Print(n.Value) : PrintString(n.Value),
            BooleanValueNode n => n.Value ? "true" : "false",
            NullValueNode => "null",
            EnumValueNode n => n.Value,
            ListValueNode n => "[" + Join(n.Values.Select(Print), ", ") + "]",
            ObjectValueNode n => "{" + Join(n.Fields.Select(Print), ", ") + "}",
            ObjectFieldNode n => n.Name.Value + ": " + Print(n.Value),
            DirectiveNode n => "@" + n.Name.Value + Wrap("(", Join(n.Arguments.Select(Print), ", "), ")"),
            NamedTypeNode n => n.Name.Value,
            ListTypeNode n => "[" + Print(n.Type) + "]",
            NonNullTypeNode n => Print(n.Type) + "!",
            SchemaDefinitionNode n => Description(n.Description) + Join(["schema", Directives(n.Directives), Block(n.OperationTypes.Select(Print))], " "),
            OperationTypeDefinitionNode n => OperationName(n.Operation) + ": " + Print(n.Type),
            ScalarTypeDefinitionNode n => Description(n.Description) + Join(["scalar", n.Name.Value, Directives(n.Directives)], " "),
            ObjectTypeDefinitionNode n => Description(n.Description) + Join(["type", n.Name.Value, Implements(n.Interfaces), Directives(n.Directives), Block(n.Fields.Select(Print))], " "),
            FieldDefinitionNode n => Description(n.Description) + n.Name.Value + ArgumentDefinitions(n.Arguments) + ": " + Print(n.Type) + Wrap(" ", Directives(n.Directives)),
            InputValueDefinitionNode n => Description(n.Description) + n.Name.Value + ": " + Print(n.Type) + Wrap(" = ", PrintOrNull(n.DefaultValue)) + Wrap(" ", Directives(n.Directives)),
            InterfaceTypeDefinitionNode n => Description(n.Description) + Join(["interface", n.Name.Value, Implements(n.Interfaces), Directives(n.Directives), Block(n.Fields.Select(Print))], " "),
            UnionTypeDefinitionNode n => Description(n.Description) + Join(["union", n.Name.Value, Directives(n.Directives), Wrap("= ", Join(n.Types.Select(Print), " | "))], " "),
            EnumTypeDefinitionNode n => Description(n.Description) + Join(["enum", n.Name.Value, Directives(n.Directives), Block(n.Values.Select(Print))], " "),
            EnumValueDefinitionNode n => Description(n.Description) + Join([n.Name.Value, Directives(n.Directives)], " "),
            InputObjectTypeDefinitionNode n => Description(n.Description) + Join(["input", n.Name.Value, Directives(n.Directives), Block(n.Fields.Select(Print))], " "),
            DirectiveDefinitionNode n => Description(n.Description) + "directive @" + n.Name.Value + ArgumentDefinitions(n.Arguments) + (n.Repeatable ? " repeatable" : string.Empty) + " on " + Join(n.Locations.Select(Print), " | "),
            SchemaExtensionNode n => Join(["extend schema", Directives(n.Directives), Block(n.OperationTypes.Select(Print))], " "),
            ScalarTypeExtensionNode n => Join(["extend scalar", n.Name.Value, Directives(n.Directives)], " "),
            ObjectTypeExtensionNode n => Join(["extend type", n.Name.Value, Implements(n.Interfaces), Directives(n.Directives), Block(n.Fields.Select(Print))], " "),
            InterfaceTypeExtensionNode n => Join(["extend interface", n.Name.Value, Implements(n.Interfaces), Directives(n.Directives), Block(n.Fields.Select(Print))], " "),
            UnionTypeExtensionNode n => Join(["extend union", n.Name.Value, Directives(n.Directives), Wrap("= ", Join(n.Types.Select(Print), " | "))], " "),
            EnumTypeExtensionNode n => Join(["extend enum", n.Name.Value, Directives(n.Directives), Block(n.Values.Select(Print))], " "),
            InputObjectTypeExtensionNode n => Join(["extend input", n.Name.Value, Directives(n.Directives), Block(n.Fields.Select(Print))], " "),
            _ => throw new ArgumentException($"Unknown node kind {node.Kind}.", nameof(node)),
        };
    }

    /// <summary>Prints a string as a double-quoted GraphQL string with graphql-js's escapes.</summary>
    public static string PrintString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>The keyword of an operation type.</summary>
    public static string OperationName(OperationType operation) => operation switch
    {
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => "query",
    };

    private static string PrintOperation(OperationDefinitionNode node)
    {
        var variables = Wrap("(", Join(node.VariableDefinitions.Select(Print), ", "), ")");
        var prefix = Join([OperationName(node.Operation), Join([node.Name?.Value, variables], string.Empty), Directives(node.Directives)], " ");
        // Anonymous queries without directives or variables print as the shorthand.
        return (prefix == "query" ? string.Empty : prefix + " ") + Print(node.SelectionSet);
    }

    private static string PrintField(FieldNode node)
    {
        var prefix = Wrap(string.Empty, node.Alias?.Value, ": ") + node.Name.Value;
        var arguments = node.Arguments.Select(Print).ToArray();
        var argsLine = prefix + Wrap("(", Join(arguments, ", "), ")");
        if (argsLine.Length > MaxLineLength)
        {
            argsLine = prefix + Wrap("(\n", Indent(Join(arguments, "\n")), "\n)");
        }
        return Join([argsLine, Directives(node.Directives), PrintOrNull(node.SelectionSet)], " ");
    }

    private static string ArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var printed = arguments.Select(Print).ToArray();
        return printed.Any(a => a.Contains('\n', StringComparison.Ordinal))
            ? Wrap("(\n", Indent(Join(printed, "\n")), "\n)")
            : Wrap("(", Join(printed, ", "), ")");
    }

    private static string Description(StringValueNode? description) =>
        description is null ? string.Empty : Print(description) + "\n";

    private static string Implements(IReadOnlyList<NamedTypeNode> interfaces) =>
        Wrap("implements ", Join(interfaces.Select(Print), " & "));

    private static string Directives(IReadOnlyList<DirectiveNode> directives) => Join(directives.Select(Print), " ");

    private static string? PrintOrNull(Node? node) => node is null ? null : Print(node);

    private static string Join(IEnumerable<string?> parts, string separator)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (string.IsNullOrEmpty(part))
            {
                continue;
            }
            if (builder.Length > 0)
            {
                builder.Append(separator);
            }
            builder.Append(part);
        }
        return builder.ToString();
    }

    private static string Block(IEnumerable<string> items) => Wrap("{\n", Indent(Join(items, "\n")), "\n}");

    private static string Wrap(string start, string? value, string end = "") =>
        string.IsNullOrEmpty(value) ? string.Empty : start + value + end;

    private static string Indent(string value) =>
        Wrap("  ", value.Replace("\n", "\n  ", StringComparison.Ordinal));
}
