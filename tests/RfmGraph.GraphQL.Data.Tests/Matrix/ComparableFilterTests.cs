using static RfmGraph.GraphQL.Data.Tests.Input;

namespace RfmGraph.GraphQL.Data.Tests.Matrix;

/// <summary>
/// Every operation of every comparable kind (Int, Long, Decimal, Float as double and float, DateTime as DateTime and
/// DateTimeOffset, Date), on a required and on an optional member, with the exact ids written by hand. The rows hold
/// the same ranks for every kind (see <see cref="MatrixDatabase"/>):
/// required: id 1→r1, 2→r0, 3→r2, 4→r1, 5→r3, 6→r2, 7→r0; optional: 1→null, 2→r1, 3→null, 4→r3, 5→r0, 6→r1, 7→null.
/// "gap" lies strictly between r1 and r2 and no row holds it.
/// </summary>
[Collection(MatrixCollection.Name)]
public sealed class ComparableFilterTests(MatrixDatabase database)
{
    private static readonly int[] All = [1, 2, 3, 4, 5, 6, 7];
    private static readonly int[] NotNull = [2, 4, 5, 6];

    private static readonly Dictionary<string, Operation> Operations = new()
    {
        ["eq r1"] = new(s => Obj(("eq", s.Operand(1))), [1, 4], [2, 6]),
        ["eq gap"] = new(s => Obj(("eq", s.Gap)), [], []),
        ["eq r2 (other scale or offset)"] = new(s => Obj(("eq", s.Operand(2))), [3, 6], []),
        ["neq r1"] = new(s => Obj(("neq", s.Operand(1))), [2, 3, 5, 6, 7], [1, 3, 4, 5, 7]),
        ["neq gap"] = new(s => Obj(("neq", s.Gap)), All, All),
        ["eq null"] = new(_ => Obj(("eq", null)), [], [1, 3, 7]),
        ["neq null"] = new(_ => Obj(("neq", null)), All, NotNull),
        ["in r0 r3"] = new(s => Obj(("in", List(s.Operand(0), s.Operand(3)))), [2, 5, 7], [4, 5]),
        ["in r2 gap"] = new(s => Obj(("in", List(s.Operand(2), s.Gap))), [3, 6], []),
        ["in r1 r1 (duplicate)"] = new(s => Obj(("in", List(s.Operand(1), s.Operand(1)))), [1, 4], [2, 6]),
        ["in empty"] = new(_ => Obj(("in", List())), [], []),
        ["nin r0 r3"] = new(s => Obj(("nin", List(s.Operand(0), s.Operand(3)))), [1, 3, 4, 6], [1, 2, 3, 6, 7]),
        ["nin empty"] = new(_ => Obj(("nin", List())), All, All),
        ["gt r1"] = new(s => Obj(("gt", s.Operand(1))), [3, 5, 6], [4]),
        ["gt gap"] = new(s => Obj(("gt", s.Gap)), [3, 5, 6], [4]),
        ["gt r3 (maximum)"] = new(s => Obj(("gt", s.Operand(3))), [], []),
        ["gte r1"] = new(s => Obj(("gte", s.Operand(1))), [1, 3, 4, 5, 6], [2, 4, 6]),
        ["gte r0 (minimum)"] = new(s => Obj(("gte", s.Operand(0))), All, NotNull),
        ["lt r2"] = new(s => Obj(("lt", s.Operand(2))), [1, 2, 4, 7], [2, 5, 6]),
        ["lt r0 (minimum)"] = new(s => Obj(("lt", s.Operand(0))), [], []),
        ["lt r1"] = new(s => Obj(("lt", s.Operand(1))), [2, 7], [5]),
        ["lte r2"] = new(s => Obj(("lte", s.Operand(2))), [1, 2, 3, 4, 6, 7], [2, 5, 6]),
        ["lte gap"] = new(s => Obj(("lte", s.Gap)), [1, 2, 4, 7], [2, 5, 6]),
        ["lte r3 (maximum)"] = new(s => Obj(("lte", s.Operand(3))), All, NotNull),
        ["gte r1 and lt r3"] = new(s => Obj(("gte", s.Operand(1)), ("lt", s.Operand(3))), [1, 3, 4, 6], [2, 6]),
        ["neq r1 and gte r1"] = new(s => Obj(("neq", s.Operand(1)), ("gte", s.Operand(1))), [3, 5, 6], [4]),
    };

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var scalar in Scalar.All)
        {
            foreach (var operation in Operations.Keys)
            {
                data.Add(scalar.Kind, operation, false);
                data.Add(scalar.Kind, operation, true);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operation_gives_exactly_the_expected_ids(string kind, string operation, bool optional)
    {
        var scalar = Scalar.All.Single(s => s.Kind == kind);
        var (operations, onRequired, onOptional) = Operations[operation];
        var field = optional ? scalar.Optional : scalar.Required;
        await MatrixFilter.AssertIdsAsync(database, Obj((field, operations(scalar))), optional ? onOptional : onRequired);
    }

    private sealed record Operation(Func<Scalar, Dictionary<string, object?>> Operations, int[] OnRequired, int[] OnOptional);
}
