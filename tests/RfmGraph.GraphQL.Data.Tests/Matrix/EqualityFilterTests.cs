using static RfmGraph.GraphQL.Data.Tests.Input;

namespace RfmGraph.GraphQL.Data.Tests.Matrix;

/// <summary>
/// Strings (with the LIKE metacharacters % _ \ matched literally), booleans, enums and an optional nested object,
/// with the exact ids written by hand. The rows, by id 1–7:
/// text: "100%", "100 percent", "a_b", "axb", "C:\dir\file", "%_\", "plain";
/// textN: null, "x%y", null, "x_y", "xy", "x\y", "";
/// flag: T F T F T F F; flagN: null T F T null F T;
/// colour: Red Green Blue Red Green Blue Red; colourN: null Blue Red null Blue Green null;
/// owner: ann(level 1), null, bob(level 2), ann, null, bob, null.
/// </summary>
[Collection(MatrixCollection.Name)]
public sealed class EqualityFilterTests(MatrixDatabase database)
{
    private static readonly Dictionary<string, (Dictionary<string, object?> Where, int[] Ids)> Cases = new()
    {
        ["text eq"] = (Field("text", "eq", "a_b"), [3]),
        ["text eq is not a pattern"] = (Field("text", "eq", "a%"), []),
        ["text neq"] = (Field("text", "neq", "a_b"), [1, 2, 4, 5, 6, 7]),
        ["text in"] = (Field("text", "in", List("axb", "plain", "absent")), [4, 7]),
        ["text nin"] = (Field("text", "nin", List("axb", "plain", "absent")), [1, 2, 3, 5, 6]),
        ["text contains %"] = (Field("text", "contains", "%"), [1, 6]),
        ["text contains _"] = (Field("text", "contains", "_"), [3, 6]),
        ["text contains backslash"] = (Field("text", "contains", @"\"), [5, 6]),
        ["text contains 0%"] = (Field("text", "contains", "0%"), [1]),
        ["text contains is case-sensitive"] = (Field("text", "contains", "Plain"), []),
        ["text ncontains %"] = (Field("text", "ncontains", "%"), [2, 3, 4, 5, 7]),
        ["text ncontains _"] = (Field("text", "ncontains", "_"), [1, 2, 4, 5, 7]),
        ["text startsWith 100%"] = (Field("text", "startsWith", "100%"), [1]),
        ["text startsWith 100"] = (Field("text", "startsWith", "100"), [1, 2]),
        ["text startsWith a_"] = (Field("text", "startsWith", "a_"), [3]),
        ["text startsWith %_"] = (Field("text", "startsWith", "%_"), [6]),
        ["text startsWith C:\\"] = (Field("text", "startsWith", @"C:\"), [5]),
        ["text nstartsWith a_"] = (Field("text", "nstartsWith", "a_"), [1, 2, 4, 5, 6, 7]),
        ["text nstartsWith %"] = (Field("text", "nstartsWith", "%"), [1, 2, 3, 4, 5, 7]),
        ["text endsWith %"] = (Field("text", "endsWith", "%"), [1]),
        ["text endsWith _b"] = (Field("text", "endsWith", "_b"), [3]),
        ["text endsWith backslash"] = (Field("text", "endsWith", @"\"), [6]),
        ["text endsWith \\file"] = (Field("text", "endsWith", @"\file"), [5]),
        ["text nendsWith backslash"] = (Field("text", "nendsWith", @"\"), [1, 2, 3, 4, 5, 7]),
        ["text nendsWith _b"] = (Field("text", "nendsWith", "_b"), [1, 2, 4, 5, 6, 7]),
        ["textN eq null"] = (Field("textN", "eq", null), [1, 3]),
        ["textN neq null"] = (Field("textN", "neq", null), [2, 4, 5, 6, 7]),
        ["textN eq empty"] = (Field("textN", "eq", ""), [7]),
        ["textN neq value keeps nulls"] = (Field("textN", "neq", "xy"), [1, 2, 3, 4, 6, 7]),
        ["textN in"] = (Field("textN", "in", List("xy", "x_y")), [4, 5]),
        ["textN nin keeps nulls"] = (Field("textN", "nin", List("xy", "x_y")), [1, 2, 3, 6, 7]),
        ["textN contains %"] = (Field("textN", "contains", "%"), [2]),
        ["textN contains _"] = (Field("textN", "contains", "_"), [4]),
        ["textN contains backslash"] = (Field("textN", "contains", @"\"), [6]),
        ["textN ncontains % keeps nulls"] = (Field("textN", "ncontains", "%"), [1, 3, 4, 5, 6, 7]),
        ["textN startsWith x_"] = (Field("textN", "startsWith", "x_"), [4]),
        ["textN nstartsWith x keeps nulls"] = (Field("textN", "nstartsWith", "x"), [1, 3, 7]),
        ["textN endsWith backslash y"] = (Field("textN", "endsWith", @"\y"), [6]),
        ["textN nendsWith y keeps nulls"] = (Field("textN", "nendsWith", "y"), [1, 3, 7]),
        ["flag eq true"] = (Field("flag", "eq", true), [1, 3, 5]),
        ["flag eq false"] = (Field("flag", "eq", false), [2, 4, 6, 7]),
        ["flag neq true"] = (Field("flag", "neq", true), [2, 4, 6, 7]),
        ["flag eq null"] = (Field("flag", "eq", null), []),
        ["flag neq null"] = (Field("flag", "neq", null), [1, 2, 3, 4, 5, 6, 7]),
        ["flagN eq true"] = (Field("flagN", "eq", true), [2, 4, 7]),
        ["flagN eq false"] = (Field("flagN", "eq", false), [3, 6]),
        ["flagN neq true keeps nulls"] = (Field("flagN", "neq", true), [1, 3, 5, 6]),
        ["flagN eq null"] = (Field("flagN", "eq", null), [1, 5]),
        ["flagN neq null"] = (Field("flagN", "neq", null), [2, 3, 4, 6, 7]),
        ["colour eq"] = (Field("colour", "eq", Colour.Red), [1, 4, 7]),
        ["colour neq"] = (Field("colour", "neq", Colour.Red), [2, 3, 5, 6]),
        ["colour in"] = (Field("colour", "in", List(Colour.Green, Colour.Blue)), [2, 3, 5, 6]),
        ["colour nin"] = (Field("colour", "nin", List(Colour.Green)), [1, 3, 4, 6, 7]),
        ["colourN eq"] = (Field("colourN", "eq", Colour.Blue), [2, 5]),
        ["colourN neq keeps nulls"] = (Field("colourN", "neq", Colour.Blue), [1, 3, 4, 6, 7]),
        ["colourN eq null"] = (Field("colourN", "eq", null), [1, 4, 7]),
        ["colourN neq null"] = (Field("colourN", "neq", null), [2, 3, 5, 6]),
        ["colourN in"] = (Field("colourN", "in", List(Colour.Red, Colour.Green)), [3, 6]),
        ["colourN nin keeps nulls"] = (Field("colourN", "nin", List(Colour.Red, Colour.Green)), [1, 2, 4, 5, 7]),
        ["owner name eq"] = (Obj(("owner", Field("name", "eq", "ann"))), [1, 4]),
        ["owner name neq needs an owner"] = (Obj(("owner", Field("name", "neq", "ann"))), [3, 6]),
        ["owner name startsWith"] = (Obj(("owner", Field("name", "startsWith", "b"))), [3, 6]),
        ["owner level gte"] = (Obj(("owner", Field("level", "gte", 1))), [1, 3, 4, 6]),
        ["owner level in"] = (Obj(("owner", Field("level", "in", List(2, 3)))), [3, 6]),
        ["owner level nin needs an owner"] = (Obj(("owner", Field("level", "nin", List(2)))), [1, 4]),
        ["owner with no condition"] = (Obj(("owner", Obj()), ("flag", Obj(("eq", true)))), [1, 3, 5]),
        ["owner or no owner"] = (Obj(("or", List(Obj(("owner", Field("level", "eq", 2))), Field("ownerId", "eq", null)))), [2, 3, 5, 6, 7]),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Filter_gives_exactly_the_expected_ids(string name)
    {
        var (where, ids) = Cases[name];
        await MatrixFilter.AssertIdsAsync(database, where, ids);
    }
}
