using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RfmGraph.Platform.Tenancy;
using RfmGraph.Sales.Contracts;
using RfmGraph.Sales.Data;
using RfmGraph.Testing;

namespace RfmGraph.Sales.Tests;

[Collection(DatabaseCollection.Name)]
public sealed class TenantIsolationTests(PostgresFixture fixture)
{
    [Fact]
    public async Task A_context_for_one_business_never_sees_another_business_rows()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        await using var services = db.Services();
        using var fileA = new CsvFile("sale_id,customer_id,ordered_at,amount,storefront", "A1,CA,2025-03-01T10:00:00Z,10.00,a-store", "A2,CA,2025-03-02T10:00:00Z,20.00,a-store");
        using var fileB = new CsvFile("sale_id,customer_id,ordered_at,amount,storefront", "B1,CB,2025-03-01T10:00:00Z,99.00,b-store");
        var importer = services.GetRequiredService<ISalesImporter>();
        Assert.True((await importer.ImportCsvAsync(fileA.Path, "alpha", null, CancellationToken.None)).Succeeded);
        Assert.True((await importer.ImportCsvAsync(fileB.Path, "beta", null, CancellationToken.None)).Succeeded);
        var directory = services.GetRequiredService<IBusinessDirectory>();
        var alpha = (await directory.FindByKeyAsync("alpha", CancellationToken.None))!;
        var beta = (await directory.FindByKeyAsync("beta", CancellationToken.None))!;

        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(alpha.Id, alpha.Key);
        var context = scope.ServiceProvider.GetRequiredService<SalesDbContext>();

        Assert.Equal(["A1", "A2"], await context.Sales.OrderBy(s => s.ExternalId).Select(s => s.ExternalId).ToListAsync());
        Assert.Equal(["CA"], await context.Customers.Select(c => c.ExternalId).ToListAsync());
        Assert.Equal(["a-store"], await context.Storefronts.Select(s => s.Code).ToListAsync());
        Assert.Equal(["alpha"], await context.Businesses.Select(b => b.Key).ToListAsync());
        // Even asking for B's rows by id finds nothing.
        var betaSaleId = await db.ScalarAsync<long>($"SELECT id FROM sales.sales WHERE business_id = {beta.Id}");
        Assert.Null(await context.Sales.FirstOrDefaultAsync(s => s.Id == betaSaleId));
        Assert.Equal(0, await context.Sales.CountAsync(s => s.BusinessId == beta.Id));
        Assert.Equal(30.00m, await context.Sales.SumAsync(s => s.Amount));
        Assert.Equal("CA", (await context.Sales.Include(s => s.Customer).SingleAsync(s => s.ExternalId == "A2")).Customer!.ExternalId);
    }

    [Fact]
    public async Task A_context_without_a_business_refuses_to_query()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        await using var services = db.Services();
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<SalesDbContext>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Customers.ToListAsync());
        Assert.Equal("No business has been resolved for this unit of work.", error.Message);
    }

    [Fact]
    public async Task Business_directory_finds_ensures_and_reports_emptiness()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        await using var services = db.Services();
        var directory = services.GetRequiredService<IBusinessDirectory>();

        Assert.True(await directory.IsEmptyAsync(CancellationToken.None));
        var created = await directory.EnsureAsync("corner-shop", "Corner Shop", "CHF", CancellationToken.None);
        var again = await directory.EnsureAsync("corner-shop", "Other name", "EUR", CancellationToken.None);

        Assert.Equal(new BusinessInfo(created.Id, "corner-shop", "Corner Shop", "CHF"), again);
        Assert.Equal(again, await directory.FindByIdAsync(created.Id, CancellationToken.None));
        Assert.Null(await directory.FindByKeyAsync("nobody", CancellationToken.None));
        Assert.False(await directory.IsEmptyAsync(CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => directory.EnsureAsync("Bad Key!", "x", "EUR", CancellationToken.None));
    }
}
