using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;
using RfmGraph.GraphQL.Utilities;

namespace RfmGraph.GraphQL.Execution;

/// <summary>CoerceVariableValues (spec §6.1.2) and CoerceArgumentValues (§6.4.1), with graphql-js's messages.</summary>
internal static class ArgumentValues
{
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    public static IReadOnlyDictionary<string, object?> CoerceVariables(
        Schema schema,
        IReadOnlyList<VariableDefinitionNode> definitions,
        IReadOnlyDictionary<string, object?>? inputs,
        List<GraphQLError> errors,
        int maxErrors = 50)
    {
        if (definitions.Count == 0)
        {
            return Empty;
        }
        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var name = definition.Variable.Name.Value;
            var type = TypeFromAst(schema, definition.Type);
            if (type is null || !type.IsInputType)
            {
                Add(errors, maxErrors, new GraphQLError(
                    $"Variable \"${name}\" expected value of type \"{Printer.Print(definition.Type)}\" which cannot be used as an input type.",
                    [definition.Type]));
                continue;
            }
            if (inputs is null || !inputs.TryGetValue(name, out var value))
            {
                if (definition.DefaultValue is not null)
                {
                    if (ValueCoercion.ValueFromAst(definition.DefaultValue, type, null, out var defaultValue))
                    {
                        coerced[name] = defaultValue;
                    }
                }
                else if (type is NonNullType)
                {
                    Add(errors, maxErrors, new GraphQLError($"Variable \"${name}\" of required type \"{type}\" was not provided.", [definition]));
                }
                continue;
            }
            if (value is null && type is NonNullType)
            {
                Add(errors, maxErrors, new GraphQLError($"Variable \"${name}\" of non-null type \"{type}\" must not be null.", [definition]));
                continue;
            }
            var localErrors = errors;
            coerced[name] = ValueCoercion.CoerceInputValue(value, type, (path, invalid, message) =>
            {
                var prefix = $"Variable \"${name}\" got invalid value {Inspect.Value(invalid)}";
                if (path.Count > 0)
                {
                    prefix += $" at \"{name}{ValueCoercion.PrintPath(path)}\"";
                }
                Add(localErrors, maxErrors, new GraphQLError(prefix + "; " + message, [definition]));
            });
        }
        return coerced;
    }

    private static void Add(List<GraphQLError> errors, int maxErrors, GraphQLError error)
    {
        if (errors.Count >= maxErrors)
        {
            throw new GraphQLException(new GraphQLError("Too many errors processing variables, error limit reached. Execution aborted."));
        }
        errors.Add(error);
    }

    /// <summary>graphql-js typeFromAST: the schema type a type reference names, or null.</summary>
    public static GraphQLType? TypeFromAst(Schema schema, TypeNode node) => node switch
    {
        NamedTypeNode named => schema.GetType(named.Name.Value),
        ListTypeNode list => TypeFromAst(schema, list.Type) is { } item ? new ListType(item) : null,
        NonNullTypeNode nonNull => TypeFromAst(schema, nonNull.Type) is { } inner and not NonNullType ? new NonNullType(inner) : null,
        _ => null,
    };

    /// <summary>Coerces a field's or directive's arguments; throws <see cref="GraphQLException"/> on the first invalid one.</summary>
    public static IReadOnlyDictionary<string, object?> Coerce(
        IList<InputValueDefinition> definitions,
        IReadOnlyList<ArgumentNode> arguments,
        Node node,
        IReadOnlyDictionary<string, object?> variables)
    {
        if (definitions.Count == 0)
        {
            return Empty;
        }
        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var name = definition.Name;
            var type = definition.Type;
            ArgumentNode? argument = null;
            for (var i = 0; i < arguments.Count; i++)
            {
                if (arguments[i].Name.Value == name)
                {
                    argument = arguments[i];
                    break;
                }
            }
            if (argument is null)
            {
                if (definition.HasDefaultValue)
                {
                    coerced[name] = definition.DefaultValue;
                }
                else if (type is NonNullType)
                {
                    throw new GraphQLException(new GraphQLError($"Argument \"{name}\" of required type \"{type}\" was not provided.", [node]));
                }
                continue;
            }
            var valueNode = argument.Value;
            var isNull = valueNode is NullValueNode;
            if (valueNode is VariableNode variable)
            {
                var variableName = variable.Name.Value;
                if (!variables.TryGetValue(variableName, out var variableValue))
                {
                    if (definition.HasDefaultValue)
                    {
                        coerced[name] = definition.DefaultValue;
                    }
                    else if (type is NonNullType)
                    {
                        throw new GraphQLException(new GraphQLError(
                            $"Argument \"{name}\" of required type \"{type}\" was provided the variable \"${variableName}\" which was not provided a runtime value.",
                            [valueNode]));
                    }
                    continue;
                }
                isNull = variableValue is null;
            }
            if (isNull && type is NonNullType)
            {
                throw new GraphQLException(new GraphQLError($"Argument \"{name}\" of non-null type \"{type}\" must not be null.", [valueNode]));
            }
            if (!ValueCoercion.ValueFromAst(valueNode, type, variables, out var value))
            {
                throw new GraphQLException(new GraphQLError($"Argument \"{name}\" has invalid value {Printer.Print(valueNode)}.", [valueNode]));
            }
            coerced[name] = value;
        }
        return coerced;
    }

    /// <summary>The <c>if</c> argument of @skip/@include, or null when it cannot be read (validation prevents that).</summary>
    public static bool? DirectiveIf(ExecutionContext context, DirectiveDefinition definition, DirectiveNode directive)
    {
        if (directive.Arguments.Count == 1 && directive.Arguments[0].Value is BooleanValueNode literal)
        {
            return literal.Value;
        }
        try
        {
            return Coerce(definition.Arguments, directive.Arguments, directive, context.Variables).TryGetValue("if", out var value) ? value as bool? : null;
        }
        catch (GraphQLException)
        {
            return null;
        }
    }
}
