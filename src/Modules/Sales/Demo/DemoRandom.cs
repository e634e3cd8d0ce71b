namespace RfmGraph.Sales.Demo;

/// <summary>
/// SplitMix64: tiny, fast and fully specified, so the same seed gives the same demo data on every
/// machine and .NET version (System.Random's algorithm is an implementation detail). One stream per
/// customer, derived from (seed, customer index), makes each customer independent of batching.
/// </summary>
internal struct DemoRandom(ulong state)
{
    private ulong _state = state;

    public static DemoRandom For(int seed, long stream) => new(Mix(((ulong)(uint)seed << 32) ^ (ulong)stream ^ 0x5DEE_CE66_D1A4_F87DUL));

    public ulong NextUInt64()
    {
        _state += 0x9E37_79B9_7F4A_7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [min, max].</summary>
    public int Between(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min + 1));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal (Box–Muller).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
