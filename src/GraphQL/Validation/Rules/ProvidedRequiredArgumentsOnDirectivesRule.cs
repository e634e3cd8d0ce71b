using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.2.1 Required Arguments, for directives (also used in SDL).</summary>
internal sealed class ProvidedRequiredArgumentsOnDirectivesRule : ValidationRule
{
    public static readonly ProvidedRequiredArgumentsOnDirectivesRule Instance = new();

    private ProvidedRequiredArgumentsOnDirectivesRule()
        : base(NodeKind.Directive)
    {
    }

    public override string Name => "ProvidedRequiredArgumentsOnDirectivesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new DirectiveVisitor(context);

    /// <summary>Reports missing required directive arguments when leaving a directive; shared with ProvidedRequiredArgumentsRule.</summary>
    internal class DirectiveVisitor(ValidationContext context) : ValidationVisitor
    {

        protected ValidationContext Context { get; } = context;

        public override void Leave(Node node)
        {
            if (node is not DirectiveNode directive)
            {
                return;
            }
            var name = directive.Name.Value;
            if (Context.DirectiveCatalog.Get(name) is not { } entry)
            {
                return;
            }
            foreach (var argument in entry.Arguments)
            {
                if (!argument.IsRequired || IsProvided(directive.Arguments, argument.Name))
                {
                    continue;
                }
                Context.ReportError(
                    $"Directive \"@{name}\" argument \"{argument.Name}\" of type \"{argument.TypeText}\" is required, but it was not provided.",
                    directive);
            }
        }

        internal static bool IsProvided(IReadOnlyList<ArgumentNode> arguments, string name)
        {
            for (var i = 0; i < arguments.Count; i++)
            {
                if (arguments[i].Name.Value == name)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
