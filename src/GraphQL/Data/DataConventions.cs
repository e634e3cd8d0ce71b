using System.Runtime.CompilerServices;
using RfmGraph.GraphQL.Data.Model;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Data;

/// <summary>
/// The data conventions' state for one <see cref="SchemaBuilder"/>: type models, options and the generated input
/// and connection types already added (each is added once however many fields use it).
/// </summary>
internal sealed class DataConventions
{
    private static readonly ConditionalWeakTable<SchemaBuilder, DataConventions> States = [];
    private readonly HashSet<string> _addedTypes = new(StringComparer.Ordinal);

    private DataConventions(SchemaBuilder schema)
    {
        Schema = schema;
        Models = new DataModelRegistry(schema);
    }

    public SchemaBuilder Schema { get; }

    public DataModelRegistry Models { get; }

    public PagingOptions Paging { get; set; } = new();

    public static DataConventions For(SchemaBuilder schema) => States.GetValue(schema, static s => new DataConventions(s));

    /// <summary>Adds a generated type unless one with that name was added already.</summary>
    public void AddOnce(string name, Func<NamedType> create)
    {
        if (_addedTypes.Add(name))
        {
            Schema.AddType(create());
        }
    }

    /// <summary>Runs <paramref name="add"/> (which adds types itself) unless it ran for <paramref name="name"/> already.</summary>
    public void RunOnce(string name, Action add)
    {
        if (_addedTypes.Add(name))
        {
            add();
        }
    }

    /// <summary>The GraphQL enum name for a CLR enum, registering the enum when no module did.</summary>
    public string EnumName(Type enumType)
    {
        if (Schema.GraphQLNameOf(enumType) is { } name)
        {
            return name;
        }
        typeof(SchemaBuilder).GetMethod(nameof(SchemaBuilder.Enum), 1, [typeof(string), typeof(Action<EnumTypeBuilder>)])!
            .MakeGenericMethod(enumType)
            .Invoke(Schema, [null, null]);
        return Schema.GraphQLNameOf(enumType)!;
    }
}
