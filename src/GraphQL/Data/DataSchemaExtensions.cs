using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Data;

/// <summary>Schema-wide data convention settings.</summary>
public static class DataSchemaExtensions
{
    /// <summary>Configures how <typeparamref name="T"/> is filtered, sorted and paged (name, key, excluded and renamed members).</summary>
    public static SchemaBuilder AddDataType<T>(this SchemaBuilder schema, Action<DataTypeDescriptor<T>> configure)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(configure);
        configure(new DataTypeDescriptor<T>(DataConventions.For(schema).Models.Configure(typeof(T))));
        return schema;
    }

    /// <summary>Sets the default and maximum page sizes of every connection field (defaults 10 and 100).</summary>
    public static SchemaBuilder SetPagingOptions(this SchemaBuilder schema, PagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        DataConventions.For(schema).Paging = options;
        return schema;
    }
}
