using Microsoft.EntityFrameworkCore;

namespace RfmGraph.GraphQL.Data.Tests.Matrix;

public enum Colour
{
    Red,
    Green,
    Blue,
}

/// <summary>The optional parent of a <see cref="Sample"/>, for null-safe nested filters.</summary>
public sealed class Owner
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public int Level { get; set; }
}

/// <summary>
/// One row of the filter matrix: every comparable kind twice, once required and once optional (nullable),
/// plus strings, booleans, enums and an optional nested object.
/// </summary>
public sealed class Sample
{
    public int Id { get; set; }

    public int Number { get; set; }

    public int? NumberN { get; set; }

    public long Big { get; set; }

    public long? BigN { get; set; }

    public decimal Amount { get; set; }

    public decimal? AmountN { get; set; }

    public double Ratio { get; set; }

    public double? RatioN { get; set; }

    public float Weight { get; set; }

    public float? WeightN { get; set; }

    public DateTime Moment { get; set; }

    public DateTime? MomentN { get; set; }

    public DateTimeOffset Stamp { get; set; }

    public DateTimeOffset? StampN { get; set; }

    public DateOnly Day { get; set; }

    public DateOnly? DayN { get; set; }

    public string Text { get; set; } = "";

    public string? TextN { get; set; }

    public bool Flag { get; set; }

    public bool? FlagN { get; set; }

    public Colour Colour { get; set; }

    public Colour? ColourN { get; set; }

    public int? OwnerId { get; set; }

    public Owner? Owner { get; set; }
}

public sealed class MatrixContext(DbContextOptions<MatrixContext> options) : DbContext(options)
{
    public DbSet<Sample> Samples => Set<Sample>();

    public DbSet<Owner> Owners => Set<Owner>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Sample>(e =>
        {
            e.ToTable("samples");
            // Ids are the expectations: never generated.
            e.Property(s => s.Id).ValueGeneratedNever();
            // Byte-order collation: string comparison in SQL is ordinal, as in LINQ-to-objects.
            e.Property(s => s.Text).UseCollation("C");
            e.Property(s => s.TextN).UseCollation("C");
            // A scale of 4, so that 1.5 is stored (and read back) as 1.5000.
            e.Property(s => s.Amount).HasPrecision(18, 4);
            e.Property(s => s.AmountN).HasPrecision(18, 4);
        });
        modelBuilder.Entity<Owner>(e =>
        {
            e.ToTable("owners");
            e.Property(o => o.Id).ValueGeneratedNever();
            e.Property(o => o.Name).UseCollation("C");
        });
    }
}
