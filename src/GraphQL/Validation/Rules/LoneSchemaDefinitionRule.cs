using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>SDL: at most one schema definition, and none when extending a schema that already has roots.</summary>
internal sealed class LoneSchemaDefinitionRule : ValidationRule
{
    public static readonly LoneSchemaDefinitionRule Instance = new();

    private LoneSchemaDefinitionRule()
        : base(NodeKind.SchemaDefinition)
    {
    }

    public override string Name => "LoneSchemaDefinitionRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private int _count;

        public override bool Enter(Node node)
        {
            var schema = context.Schema;
            var alreadyDefined = schema is not null
                && (schema.AstNode is not null || schema.QueryType is not null || schema.MutationType is not null || schema.SubscriptionType is not null);
            if (alreadyDefined)
            {
                context.ReportError("Cannot define a new schema within a schema extension.", node);
                return true;
            }
            if (_count > 0)
            {
                context.ReportError("Must provide only one schema definition.", node);
            }
            _count++;
            return true;
        }
    }
}
