namespace RfmGraph.GraphQL.Data.Model;

/// <summary>How a member of a data type is filtered and sorted; decides its operation input type.</summary>
internal enum DataFieldKind
{
    String,
    Int,
    Long,
    Decimal,
    Float,
    DateTime,
    Date,
    Boolean,
    Uuid,
    Enum,
    Object,
}
