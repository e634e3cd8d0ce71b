using System.Collections;
using System.Reflection;
using RfmGraph.GraphQL.Data.Model;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Data.Projections;

/// <summary>
/// Maps the GraphQL fields selected on an entity type to the CLR members that must be read. A field maps to the
/// property of the same name (as the default resolver reads it) or to the one named by
/// <see cref="DataFieldMetadata.Member"/>; <see cref="DataFieldMetadata.Requires"/> adds members a computed
/// field needs. Fields mapping to nothing (computed from the key, resolved by a DataLoader) add nothing.
/// </summary>
internal static class ProjectionPlanner
{
    /// <summary>Adds what <paramref name="fields"/> need to <paramref name="tree"/>; false when projecting is not possible.</summary>
    public static bool Add(MemberTree tree, Type clrType, ObjectType graphType, IEnumerable<FieldNode> fields, SelectionWalker walker)
    {
        foreach (var node in fields)
        {
            var name = node.Name.Value;
            if (name.StartsWith("__", StringComparison.Ordinal))
            {
                continue;
            }
            var definition = graphType.GetField(name);
            if (definition is null)
            {
                continue;
            }
            if (definition.HasMetadata && definition.Metadata.TryGetValue(DataFieldMetadata.Requires, out var requires) && requires is IEnumerable<string> names)
            {
                foreach (var required in names)
                {
                    var property = clrType.GetProperty(required, BindingFlags.Public | BindingFlags.Instance);
                    if (property is null)
                    {
                        return false;
                    }
                    tree.Add(property, nested: false);
                }
            }
            var memberName = definition.HasMetadata && definition.Metadata.TryGetValue(DataFieldMetadata.Member, out var m) && m is string explicitName ? explicitName : name;
            var member = clrType.GetProperty(memberName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (member is null || member.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var kind = DataModelRegistry.KindOf(member.PropertyType);
            if (kind is null)
            {
                // Collections (navigation lists) are DataLoaders' business; other unknown types are read as they are.
                if (member.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(member.PropertyType))
                {
                    tree.Add(member, nested: false);
                }
                continue;
            }
            if (kind != DataFieldKind.Object || node.SelectionSet is null || definition.Type.NamedType is not ObjectType nestedType)
            {
                tree.Add(member, nested: false);
                continue;
            }
            var nestedFields = walker.Collect([node], nestedType);
            if (nestedFields is null)
            {
                tree.Add(member, nested: false);
                continue;
            }
            if (tree.Add(member, nested: true) is { } child && !Add(child, member.PropertyType, nestedType, nestedFields, walker))
            {
                return false;
            }
        }
        return true;
    }
}
