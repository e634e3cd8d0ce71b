using System.Runtime.CompilerServices;

// The data conventions' PostgreSQL proofs live in their own test project (they need EF Core, the engine does not).
[assembly: InternalsVisibleTo("RfmGraph.GraphQL.Data.Tests")]
