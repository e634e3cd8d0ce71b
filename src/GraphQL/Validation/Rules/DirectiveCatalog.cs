using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>
/// The directives a document may use, as the directive rules see them: the schema's (or the built-ins) overlaid
/// with the directive definitions of the document itself (SDL). Built once per run, only by rules that need it.
/// </summary>
internal sealed class DirectiveCatalog
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public DirectiveCatalog(ValidationContext context)
    {
        foreach (var directive in context.KnownDirectives)
        {
            var arguments = new List<ArgumentInfo>(directive.Arguments.Count);
            foreach (var argument in directive.Arguments)
            {
                arguments.Add(new ArgumentInfo(argument.Name, TypeAst.IsRequired(argument), argument.Type.ToString()));
            }
            _entries[directive.Name] = new Entry([.. directive.Locations.Select(l => l.ToName())], directive.IsRepeatable, arguments);
        }
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                var arguments = new List<ArgumentInfo>(directive.Arguments.Count);
                foreach (var argument in directive.Arguments)
                {
                    var required = argument.Type is NonNullTypeNode && argument.DefaultValue is null;
                    arguments.Add(new ArgumentInfo(argument.Name.Value, required, Printer.Print(argument.Type)));
                }
                var locations = new List<string>(directive.Locations.Count);
                foreach (var location in directive.Locations)
                {
                    locations.Add(location.Value);
                }
                _entries[directive.Name.Value] = new Entry(locations, directive.Repeatable, arguments);
            }
        }
    }

    public Entry? Get(string name) => _entries.GetValueOrDefault(name);

    internal sealed record Entry(List<string> Locations, bool IsRepeatable, List<ArgumentInfo> Arguments);

    internal sealed record ArgumentInfo(string Name, bool IsRequired, string TypeText);
}
