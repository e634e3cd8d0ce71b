using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Optional (graphql-js NoSchemaIntrospectionCustomRule): rejects fields returning introspection types.</summary>
internal sealed class NoSchemaIntrospectionCustomRule : ValidationRule
{
    public static readonly NoSchemaIntrospectionCustomRule Instance = new();

    private NoSchemaIntrospectionCustomRule()
        : base(NodeKind.Field)
    {
    }

    public override string Name => "NoSchemaIntrospectionCustomRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override bool Enter(Node node)
        {
            if (context.Type?.NamedType is { IsIntrospectionType: true })
            {
                context.ReportError(
                    $"GraphQL introspection has been disabled, but the requested query contained the field \"{((FieldNode)node).Name.Value}\".",
                    node);
            }
            return true;
        }
    }
}
