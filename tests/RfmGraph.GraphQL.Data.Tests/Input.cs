namespace RfmGraph.GraphQL.Data.Tests;

/// <summary>Builds argument values shaped exactly as the engine coerces them (input objects → dictionaries, lists → arrays).</summary>
internal static class Input
{
    public static Dictionary<string, object?> Obj(params (string Name, object? Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);

    public static Dictionary<string, object?> Field(string name, string operation, object? value) => Obj((name, Obj((operation, value))));

    public static object?[] List(params object?[] items) => items;

    public static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
