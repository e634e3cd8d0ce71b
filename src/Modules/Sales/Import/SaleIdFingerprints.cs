using System.IO.Hashing;

namespace RfmGraph.Sales.Import;

/// <summary>
/// A set of 64-bit fingerprints (XxHash3) of the sale ids an import has streamed, so that a file without
/// duplicate sale_ids — nearly every file — is known to be clean without the server grouping the staging
/// table by sale_id (10 s for ten million rows). Two different ids can share a fingerprint (for ten million
/// ids the odds are about 3 in a million), so a repeated fingerprint only means "maybe": the import then
/// runs the exact duplicate check. 8 bytes per id, in one open-addressing table kept at most half full.
/// </summary>
internal sealed class SaleIdFingerprints
{
    private ulong[] _slots = new ulong[1 << 16];
    private int _count;

    /// <summary>True once some fingerprint was added twice: the file may repeat a sale_id.</summary>
    public bool MayHaveDuplicates { get; private set; }

    public void Add(ReadOnlySpan<byte> saleId)
    {
        // 0 marks an empty slot.
        var fingerprint = XxHash3.HashToUInt64(saleId) | 1UL << 63;
        if (!TryInsert(_slots, fingerprint))
        {
            MayHaveDuplicates = true;
            return;
        }

        if (++_count > _slots.Length / 2)
        {
            Grow();
        }
    }

    private static bool TryInsert(ulong[] slots, ulong fingerprint)
    {
        var mask = slots.Length - 1;
        // The fingerprint's low bits are uniformly distributed already: they pick the slot.
        for (var i = (int)fingerprint & mask; ; i = (i + 1) & mask)
        {
            if (slots[i] == fingerprint)
            {
                return false;
            }

            if (slots[i] == 0)
            {
                slots[i] = fingerprint;
                return true;
            }
        }
    }

    private void Grow()
    {
        var larger = new ulong[_slots.Length * 2];
        foreach (var fingerprint in _slots)
        {
            if (fingerprint != 0)
            {
                TryInsert(larger, fingerprint);
            }
        }

        _slots = larger;
    }
}
