using System.Runtime.CompilerServices;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Validation.Rules;

/// <summary>
/// The directives a document may use, as the directive rules see them: the schema's (or the built-ins) overlaid
/// with the directive definitions of the document itself (SDL). Shared by the directive rules: once per schema for
/// executable documents, once per run for SDL documents that define directives.
/// </summary>
internal sealed class DirectiveCatalog
{
    // Executable documents define no directives, so their catalog depends on the schema alone: built once per schema.
    private static readonly ConditionalWeakTable<Schema, DirectiveCatalog> BySchema = [];

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private DirectiveCatalog(IReadOnlyList<DirectiveDefinition> directives, DocumentNode? document)
    {
        foreach (var directive in directives)
        {
            var arguments = new List<ArgumentInfo>(directive.Arguments.Count);
            foreach (var argument in directive.Arguments)
            {
                arguments.Add(new ArgumentInfo(argument.Name, TypeAst.IsRequired(argument), argument.Type.ToString()));
            }
            var locations = new List<string>(directive.Locations.Count);
            foreach (var location in directive.Locations)
            {
                locations.Add(location.ToName());
            }
            _entries[directive.Name] = new Entry(locations, directive.IsRepeatable, arguments);
        }
        if (document is null)
        {
            return;
        }
        foreach (var definition in document.Definitions)
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

    public static DirectiveCatalog For(ValidationContext context)
    {
        var definitions = context.Document.Definitions;
        var definesDirectives = false;
        for (var i = 0; i < definitions.Count && !definesDirectives; i++)
        {
            definesDirectives = definitions[i] is DirectiveDefinitionNode;
        }
        if (definesDirectives || context.Schema is null)
        {
            return new DirectiveCatalog(context.KnownDirectives, context.Document);
        }
        var schema = context.Schema;
        return BySchema.GetValue(schema, s => new DirectiveCatalog(s.Directives, null));
    }

    public Entry? Get(string name) => _entries.GetValueOrDefault(name);

    internal sealed record Entry(List<string> Locations, bool IsRepeatable, List<ArgumentInfo> Arguments);

    internal sealed record ArgumentInfo(string Name, bool IsRequired, string TypeText);
}
