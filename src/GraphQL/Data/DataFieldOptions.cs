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

    /// <summary>The field's description.</summary>
    public string? Description { get; set; }
}
