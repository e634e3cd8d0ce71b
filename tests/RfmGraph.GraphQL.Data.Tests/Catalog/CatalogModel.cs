using Microsoft.EntityFrameworkCore;

namespace RfmGraph.GraphQL.Data.Tests.Catalog;

public enum ProductStatus
{
    Draft,
    Active,
    Discontinued,
}

public sealed class Category
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public int Rank { get; set; }
}

/// <summary>A test entity with every kind of field the conventions handle.</summary>
public sealed class Product
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public int Quantity { get; set; }

    public long Views { get; set; }

    public decimal Price { get; set; }

    public double Rating { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public DateOnly ReleaseDate { get; set; }

    public bool InStock { get; set; }

    public ProductStatus Status { get; set; }

    public int? Discount { get; set; }

    public int CategoryId { get; set; }

    public Category Category { get; set; } = null!;

    /// <summary>Excluded from filtering and sorting by the descriptor.</summary>
    public string Secret { get; set; } = "";
}

/// <summary>Rows for the 10,000-row paging proof: few distinct values per column, so ties are everywhere.</summary>
public sealed class Ticket
{
    public int Id { get; set; }

    public int Priority { get; set; }

    public string Queue { get; set; } = "";

    public int? Score { get; set; }
}

/// <summary>One-to-many children for the DataLoader proof.</summary>
public sealed class Review
{
    public int Id { get; set; }

    public int ProductId { get; set; }

    public int Stars { get; set; }
}

public sealed class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<Review> Reviews => Set<Review>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Byte order ("C") collation, so that the database orders strings exactly as LINQ-to-objects does.
        modelBuilder.Entity<Product>(e =>
        {
            e.ToTable("products");
            e.Property(p => p.Name).UseCollation("C");
            e.Property(p => p.Description).UseCollation("C");
            e.Property(p => p.Price).HasPrecision(10, 2);
            e.HasIndex(p => new { p.Price, p.Id });
        });
        modelBuilder.Entity<Category>(e =>
        {
            e.ToTable("categories");
            e.Property(c => c.Name).UseCollation("C");
        });
        modelBuilder.Entity<Ticket>(e =>
        {
            e.ToTable("tickets");
            e.Property(t => t.Queue).UseCollation("C");
        });
        modelBuilder.Entity<Review>(e => e.ToTable("reviews"));
    }
}
