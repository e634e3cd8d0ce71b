namespace RfmGraph.GraphQL.Data.Paging;

/// <summary>The Relay arguments of one connection field, validated against the page-size limits.</summary>
internal sealed record PagingArguments(int? First, string? After, int? Last, string? Before)
{
    public bool Backward => Last is not null || (First is null && Before is not null && After is null);

    public int PageSize(PagingOptions options, string fieldName)
    {
        if (First is not null && Last is not null)
        {
            throw new GraphQLException($"Give either 'first' or 'last' on '{fieldName}', not both.", "INVALID_PAGING");
        }
        var requested = First ?? Last;
        if (requested < 0)
        {
            throw new GraphQLException($"'{(First is not null ? "first" : "last")}' on '{fieldName}' must not be negative.", "INVALID_PAGING");
        }
        if (requested > options.MaxPageSize)
        {
            throw new GraphQLException($"Requesting {requested} records on '{fieldName}' exceeds the maximum of {options.MaxPageSize}.", "INVALID_PAGING");
        }
        return requested ?? options.DefaultPageSize;
    }
}
