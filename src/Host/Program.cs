// Composition root. The foundation issue replaces this placeholder with the CLI (serve, import, seed-demo, ...).
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new { status = "placeholder" }));
await app.RunAsync();
