using Microsoft.EntityFrameworkCore;
using RfmGraph.Platform.Database;
using RfmGraph.Platform.Tenancy;

namespace RfmGraph.Sales.Data;

/// <summary>
/// The Sales module's EF model. Every tenant-owned entity carries a global query filter on the
/// current business, so code that forgets a WHERE still cannot see another tenant's rows; with no
/// business resolved, queries throw instead of returning everything.
/// </summary>
internal sealed class SalesDbContext(DbContextOptions<SalesDbContext> options, ITenantContext tenant) : DbContext(options)
{
    public DbSet<Business> Businesses => Set<Business>();
    public DbSet<Storefront> Storefronts => Set<Storefront>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Sale> Sales => Set<Sale>();
    public DbSet<SaleItem> SaleItems => Set<SaleItem>();
    public DbSet<Payment> Payments => Set<Payment>();

    /// <summary>Read by the query filters at query time (EF parameterises it per query).</summary>
    private long CurrentBusinessId => tenant.BusinessId;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("sales");
        modelBuilder.Entity<Business>(b =>
        {
            b.ToTable("businesses");
            b.Property(x => x.Currency).HasColumnType("char(3)");
            b.HasIndex(x => x.Key).IsUnique();
            b.HasQueryFilter(x => x.Id == CurrentBusinessId);
        });
        modelBuilder.Entity<Storefront>(b =>
        {
            b.ToTable("storefronts");
            b.HasIndex(x => new { x.BusinessId, x.Code }).IsUnique();
            b.HasQueryFilter(x => x.BusinessId == CurrentBusinessId);
        });
        modelBuilder.Entity<Customer>(b =>
        {
            b.ToTable("customers");
            b.Ignore(x => x.CustomerKey);
            b.HasIndex(x => new { x.BusinessId, x.ExternalId }).IsUnique();
            b.HasQueryFilter(x => x.BusinessId == CurrentBusinessId);
        });
        modelBuilder.Entity<Sale>(b =>
        {
            b.ToTable("sales");
            b.Property(x => x.Amount).HasPrecision(18, 2);
            b.Property(x => x.RefundedAmount).HasPrecision(18, 2);
            b.HasIndex(x => new { x.BusinessId, x.ExternalId }).IsUnique();
            b.HasOne(x => x.Customer).WithMany().HasForeignKey(x => x.CustomerId);
            b.HasOne(x => x.Storefront).WithMany().HasForeignKey(x => x.StorefrontId);
            b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.SaleId);
            b.HasMany(x => x.Payments).WithOne().HasForeignKey(x => x.SaleId);
            b.HasQueryFilter(x => x.BusinessId == CurrentBusinessId);
        });
        modelBuilder.Entity<SaleItem>(b =>
        {
            b.ToTable("sale_items");
            b.Property(x => x.Quantity).HasPrecision(12, 3);
            b.Property(x => x.UnitPrice).HasPrecision(18, 2);
            b.Property(x => x.Amount).HasPrecision(18, 2);
            b.HasQueryFilter(x => x.BusinessId == CurrentBusinessId);
        });
        modelBuilder.Entity<Payment>(b =>
        {
            b.ToTable("payments");
            b.Property(x => x.Amount).HasPrecision(18, 2);
            b.HasQueryFilter(x => x.BusinessId == CurrentBusinessId);
        });

        modelBuilder.UseSnakeCaseColumns();
    }
}
