using RfmGraph.GraphQL.Data.Model;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Data.Tests.Catalog;

/// <summary>The data-convention models of the catalog, configured as a module would.</summary>
internal static class CatalogSchema
{
    public static SchemaBuilder Configure(SchemaBuilder builder) => builder
        .AddDataType<Product>(d => d.Ignore(p => p.Secret).Rename(p => p.Description, "summary"))
        .AddDataType<Ticket>(d => d.Key(t => t.Id));

    public static DataTypeModel Model<T>()
    {
        var builder = Configure(new SchemaBuilder());
        return DataConventions.For(builder).Models.Get(typeof(T));
    }
}
