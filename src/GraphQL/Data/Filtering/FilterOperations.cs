namespace RfmGraph.GraphQL.Data.Filtering;

/// <summary>The operations each kind of value offers, in the order they appear in the schema.</summary>
internal static class FilterOperations
{
    public const string Eq = "eq";
    public const string Neq = "neq";
    public const string In = "in";
    public const string Nin = "nin";
    public const string Gt = "gt";
    public const string Gte = "gte";
    public const string Lt = "lt";
    public const string Lte = "lte";
    public const string Contains = "contains";
    public const string NotContains = "ncontains";
    public const string StartsWith = "startsWith";
    public const string NotStartsWith = "nstartsWith";
    public const string EndsWith = "endsWith";
    public const string NotEndsWith = "nendsWith";

    public static IReadOnlyList<FilterOperation> Equality { get; } =
    [
        new(Eq, false, "Equal to the value (null: the field is null)."),
        new(Neq, false, "Not equal to the value (null: the field is not null)."),
        new(In, true, "Equal to one of the values."),
        new(Nin, true, "Equal to none of the values."),
    ];

    public static IReadOnlyList<FilterOperation> Boolean { get; } = [Equality[0], Equality[1]];

    public static IReadOnlyList<FilterOperation> Comparable { get; } =
    [
        .. Equality,
        new(Gt, false, "Greater than the value."),
        new(Gte, false, "Greater than or equal to the value."),
        new(Lt, false, "Less than the value."),
        new(Lte, false, "Less than or equal to the value."),
    ];

    public static IReadOnlyList<FilterOperation> String { get; } =
    [
        .. Equality,
        new(Contains, false, "Contains the value (case-sensitive)."),
        new(NotContains, false, "Does not contain the value (case-sensitive)."),
        new(StartsWith, false, "Starts with the value (case-sensitive)."),
        new(NotStartsWith, false, "Does not start with the value (case-sensitive)."),
        new(EndsWith, false, "Ends with the value (case-sensitive)."),
        new(NotEndsWith, false, "Does not end with the value (case-sensitive)."),
    ];
}

/// <summary>One operation field of an operation filter input.</summary>
internal sealed record FilterOperation(string Name, bool IsList, string Description);
