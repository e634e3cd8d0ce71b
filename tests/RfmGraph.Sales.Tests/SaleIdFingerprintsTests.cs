using System.Text;
using RfmGraph.Sales.Import;

namespace RfmGraph.Sales.Tests;

public sealed class SaleIdFingerprintsTests
{
    [Fact]
    public void Distinct_ids_through_several_growths_are_not_flagged()
    {
        var fingerprints = new SaleIdFingerprints();

        for (var i = 0; i < 300_000; i++)
        {
            fingerprints.Add(Encoding.ASCII.GetBytes($"S{i:D9}"));
        }

        Assert.False(fingerprints.MayHaveDuplicates);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40_000)]
    [InlineData(199_999)]
    public void A_repeated_id_is_flagged_wherever_it_comes(int repeatedAt)
    {
        var fingerprints = new SaleIdFingerprints();

        for (var i = 0; i < 200_000; i++)
        {
            fingerprints.Add(Encoding.ASCII.GetBytes($"S{i:D9}"));
        }

        Assert.False(fingerprints.MayHaveDuplicates);
        fingerprints.Add(Encoding.ASCII.GetBytes($"S{repeatedAt:D9}"));
        Assert.True(fingerprints.MayHaveDuplicates);
    }

    [Fact]
    public void Ids_that_differ_only_in_bytes_beyond_ascii_or_in_length_are_distinct()
    {
        var fingerprints = new SaleIdFingerprints();

        foreach (var id in new[] { "é", "e\u0301", "E", "e", "e ", " e", "ee" })
        {
            fingerprints.Add(Encoding.UTF8.GetBytes(id));
        }

        Assert.False(fingerprints.MayHaveDuplicates);
    }
}
