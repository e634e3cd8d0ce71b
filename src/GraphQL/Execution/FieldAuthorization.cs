using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Execution;

/// <summary>
/// Decides whether the caller of a request may select a field. Return null to allow it, or the reason it is
/// denied (shown to the caller as the error message).
/// </summary>
/// <param name="parentType">The object or interface type the field is selected on.</param>
/// <param name="field">The field's definition (its <see cref="FieldDefinition.Metadata"/> may carry the rule).</param>
/// <param name="request">The request: its user, services and items.</param>
public delegate string? FieldAuthorizer(NamedType parentType, FieldDefinition field, RequestContext request);

/// <summary>
/// Applies <see cref="GraphQLOptions.AuthorizeField"/> to every field an operation selects, after validation and
/// limits and before any resolver runs. Fragments are expanded and @skip/@include are not applied: a field the
/// caller may not use cannot be in the operation at all, whatever the variables say. Any denial fails the whole
/// request (no <c>data</c>, nothing executed) with one error per denied field: extensions.code FORBIDDEN and the
/// field's response path (response keys from the root; list indexes are not known before execution).
/// </summary>
internal static class FieldAuthorization
{
    public const string ForbiddenCode = "FORBIDDEN";

    /// <summary>Denials reported at most; the first ones tell the caller enough.</summary>
    private const int MaxErrors = 20;

    public static IReadOnlyList<GraphQLError> Check(
        Schema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        RequestContext request,
        FieldAuthorizer authorize)
    {
        var rootType = schema.GetRootType(operation.Operation);
        if (rootType is null)
        {
            return [];
        }

        var walk = new Walk(schema, fragments, request, authorize);
        walk.Selections(operation.SelectionSet, rootType, [], []);
        return walk.Errors;
    }

    private sealed class Walk(Schema schema, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, RequestContext request, FieldAuthorizer authorize)
    {
        private readonly HashSet<string> _denied = new(StringComparer.Ordinal);

        public List<GraphQLError> Errors { get; } = [];

        public void Selections(SelectionSetNode selectionSet, NamedType parentType, List<object> path, HashSet<string> activeFragments)
        {
            foreach (var selection in selectionSet.Selections)
            {
                if (Errors.Count >= MaxErrors)
                {
                    return;
                }

                switch (selection)
                {
                    case FieldNode field:
                        Field(field, parentType, path, activeFragments);
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is null ? parentType : schema.GetType(inline.TypeCondition.Name.Value) ?? parentType;
                        Selections(inline.SelectionSet, inlineType, path, activeFragments);
                        break;
                    case FragmentSpreadNode spread when fragments.TryGetValue(spread.Name.Value, out var fragment) && activeFragments.Add(spread.Name.Value):
                        Selections(fragment.SelectionSet, schema.GetType(fragment.TypeCondition.Name.Value) ?? parentType, path, activeFragments);
                        activeFragments.Remove(spread.Name.Value);
                        break;
                }
            }
        }

        private void Field(FieldNode field, NamedType parentType, List<object> path, HashSet<string> activeFragments)
        {
            var name = field.Name.Value;
            var definition = name.StartsWith("__", StringComparison.Ordinal) ? null : Introspection.GetFieldDefinition(schema, parentType, name);
            if (definition is null)
            {
                return;
            }

            List<object> fieldPath = [.. path, field.Alias?.Value ?? name];
            if (authorize(parentType, definition, request) is { } reason)
            {
                // The same field reached through two fragments is one denial.
                if (_denied.Add(string.Join('.', fieldPath)))
                {
                    Errors.Add(new GraphQLError(reason, [field], fieldPath, OperationExecutor.CodeExtension(ForbiddenCode)));
                }

                return;
            }

            if (field.SelectionSet is not null)
            {
                Selections(field.SelectionSet, definition.Type.NamedType, fieldPath, activeFragments);
            }
        }
    }
}
