using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.7.1 Directives Are Defined, and 5.7.2 Directives Are In Valid Locations (also for SDL).</summary>
internal sealed class KnownDirectivesRule : ValidationRule
{
    public static readonly KnownDirectivesRule Instance = new();

    private KnownDirectivesRule()
        : base(NodeKind.Directive)
    {
    }

    public override string Name => "KnownDirectivesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {

        public override bool Enter(Node node)
        {
            var name = ((DirectiveNode)node).Name.Value;
            var entry = context.DirectiveCatalog.Get(name);
            if (entry is null)
            {
                context.ReportError($"Unknown directive \"@{name}\".", node);
                return true;
            }
            var ancestors = context.Ancestors;
            var appliedTo = ancestors[^1];
            var grandParent = ancestors.Count > 1 ? ancestors[^2] : null;
            if (TypeAst.LocationOf(appliedTo, grandParent) is { } location)
            {
                var locationName = location.ToName();
                if (!entry.Locations.Contains(locationName))
                {
                    context.ReportError($"Directive \"@{name}\" may not be used on {locationName}.", node);
                }
            }
            return true;
        }
    }
}
