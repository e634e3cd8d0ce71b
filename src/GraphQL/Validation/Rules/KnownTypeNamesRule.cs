using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;
using RfmGraph.GraphQL.Utilities;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.2 / 5.8.3: every named type reference names a type of the schema (or of the SDL document).</summary>
internal sealed class KnownTypeNamesRule : ValidationRule
{
    public static readonly KnownTypeNamesRule Instance = new();

    private static readonly string[] StandardTypeNames =
    [
        "String", "Int", "Float", "Boolean", "ID",
        "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind",
    ];

    private KnownTypeNamesRule()
        : base(NodeKind.NamedType)
    {
    }

    public override string Name => "KnownTypeNamesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private HashSet<string>? _definedTypes;

        public override bool Enter(Node node)
        {
            var typeName = ((NamedTypeNode)node).Name.Value;
            if (context.Schema?.GetType(typeName) is not null)
            {
                return true;
            }
            var defined = _definedTypes ??= DefinedTypes(context.Document);
            if (defined.Contains(typeName))
            {
                return true;
            }
            // The top-level definition holding the reference decides whether this is SDL.
            var ancestors = context.Ancestors;
            var definition = ancestors.Count > 1 ? ancestors[1] : null;
            var isSdl = definition is TypeSystemDefinitionNode or TypeSystemExtensionNode;
            if (isSdl && Array.IndexOf(StandardTypeNames, typeName) >= 0)
            {
                return true;
            }
            var candidates = new List<string>();
            if (isSdl)
            {
                candidates.AddRange(StandardTypeNames);
            }
            if (context.Schema is not null)
            {
                candidates.AddRange(context.Schema.Types.Keys);
            }
            candidates.AddRange(defined);
            context.ReportError($"Unknown type \"{typeName}\"." + SuggestionList.DidYouMean(SuggestionList.For(typeName, candidates)), node);
            return true;
        }

        private static HashSet<string> DefinedTypes(DocumentNode document)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var definition in document.Definitions)
            {
                if (definition is TypeDefinitionNode type)
                {
                    names.Add(type.Name.Value);
                }
            }
            return names;
        }
    }
}
