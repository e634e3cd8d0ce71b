namespace RfmGraph.GraphQL.Data;

/// <summary>The direction of one sort key (<c>ASC</c> / <c>DESC</c> in GraphQL).</summary>
public enum SortEnumType
{
    /// <summary>Smallest first; nulls last.</summary>
    Asc,

    /// <summary>Largest first; nulls first.</summary>
    Desc,
}
