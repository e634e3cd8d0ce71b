namespace RfmGraph.GraphQL.Data;

/// <summary>What a data field offers: filtering, sorting, projections and (for connections) page sizes.</summary>
public sealed class DataFieldOptions
{
    /// <summary>Adds the <c>where</c> argument (default true).</summary>
    public bool Filtering { get; set; } = true;

    /// <summary>Adds the <c>order</c> argument (default true).</summary>
    public bool Sorting { get; set; } = true;

    /// <summary>Reads only the selected columns (default true).</summary>
    public bool Projection { get; set; } = true;

    /// <summary>Overrides the schema's paging options for this field.</summary>
    public PagingOptions? Paging { get; set; }

    /// <summary>
    /// Arguments of the field besides the conventions' ones (listed first), e.g. a scope the resolver reads from
    /// <c>context.Arguments</c> before it builds its queryable.
    /// </summary>
    public IList<(string Name, string Type, string Description)> Arguments { get; } = [];

    /// <summary>The field's description.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// The sort used when the client gives no <c>order</c>: filter/sort field names (as in the sort input) and
    /// directions, most significant first; the type's key is appended as usual. Empty: the key alone.
    /// </summary>
    public IReadOnlyList<(string Field, SortEnumType Direction)> DefaultOrder { get; set; } = [];
}
