using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Utilities;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.1 Argument Names, for directives (the SDL form of KnownArgumentNames).</summary>
internal sealed class KnownArgumentNamesOnDirectivesRule : ValidationRule
{
    public static readonly KnownArgumentNamesOnDirectivesRule Instance = new();

    private KnownArgumentNamesOnDirectivesRule()
        : base(NodeKind.Directive)
    {
    }

    public override string Name => "KnownArgumentNamesOnDirectivesRule";

    public override ValidationVisitor CreateVisitor(ValidationContext context) => new DirectiveArgumentsVisitor(context);

    /// <summary>Checks a directive's arguments against its definition; shared with KnownArgumentNamesRule.</summary>
    internal class DirectiveArgumentsVisitor(ValidationContext context) : ValidationVisitor
    {

        protected ValidationContext Context { get; } = context;

        public override bool Enter(Node node)
        {
            if (node is not DirectiveNode directive)
            {
                return true;
            }
            var name = directive.Name.Value;
            if (directive.Arguments.Count == 0 || Context.DirectiveCatalog.Get(name) is not { } entry)
            {
                return false;
            }
            foreach (var argument in directive.Arguments)
            {
                var argumentName = argument.Name.Value;
                if (entry.Arguments.Exists(a => a.Name == argumentName))
                {
                    continue;
                }
                var known = entry.Arguments.ConvertAll(a => a.Name);
                Context.ReportError(
                    $"Unknown argument \"{argumentName}\" on directive \"@{name}\"." + SuggestionList.DidYouMean(SuggestionList.For(argumentName, known)),
                    argument);
            }
            // Directive arguments are fully checked here; the field-argument check must not see them.
            return false;
        }
    }
}
