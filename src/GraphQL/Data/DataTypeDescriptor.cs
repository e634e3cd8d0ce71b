using System.Linq.Expressions;
using System.Reflection;

namespace RfmGraph.GraphQL.Data;

/// <summary>
/// Configures how the data conventions see <typeparamref name="T"/>: its GraphQL name, its unique key (the
/// paging tie-breaker) and which members clients may filter and sort on, under which names.
/// </summary>
/// <typeparam name="T">The entity or read-model type.</typeparam>
public sealed class DataTypeDescriptor<T>
{
    internal DataTypeDescriptor(DataTypeConfiguration configuration) => Configuration = configuration;

    internal DataTypeConfiguration Configuration { get; }

    /// <summary>The GraphQL type name (default: the object type registered for <typeparamref name="T"/>, else the CLR name).</summary>
    public DataTypeDescriptor<T> Name(string graphQLName)
    {
        ArgumentException.ThrowIfNullOrEmpty(graphQLName);
        Configuration.Name = graphQLName;
        return this;
    }

    /// <summary>
    /// Declares (part of) the unique key; call once per member of a composite key. Appended to every sort so
    /// that rows with equal sort values still have a stable order and cursors point at exactly one row.
    /// Default: a property named <c>Id</c>.
    /// </summary>
    public DataTypeDescriptor<T> Key<TKey>(Expression<Func<T, TKey>> member)
    {
        Configuration.Key.Add(PropertyOf(member));
        return this;
    }

    /// <summary>Hides a member from filtering and sorting (secrets, unindexed blobs...).</summary>
    public DataTypeDescriptor<T> Ignore<TMember>(Expression<Func<T, TMember>> member)
    {
        Configuration.Ignored.Add(PropertyOf(member));
        return this;
    }

    /// <summary>Exposes a member under another field name in the filter and sort inputs.</summary>
    public DataTypeDescriptor<T> Rename<TMember>(Expression<Func<T, TMember>> member, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Configuration.Renamed[PropertyOf(member)] = name;
        return this;
    }

    private static PropertyInfo PropertyOf(LambdaExpression member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body;
        return body is MemberExpression { Member: PropertyInfo property } access && access.Expression == member.Parameters[0]
            ? property
            : throw new ArgumentException($"Expected a direct property access such as x => x.Name, got {member}.", nameof(member));
    }
}

/// <summary>The non-generic state a <see cref="DataTypeDescriptor{T}"/> fills in.</summary>
internal sealed class DataTypeConfiguration
{
    public string? Name { get; set; }

    public List<PropertyInfo> Key { get; } = [];

    public HashSet<PropertyInfo> Ignored { get; } = [];

    public Dictionary<PropertyInfo, string> Renamed { get; } = [];
}
