using System.Text;
using RfmGraph.GraphQL.Language;
using RfmGraph.GraphQL.Types;
using RfmGraph.GraphQL.Validation;

namespace RfmGraph.GraphQL.Tests.Validation;

/// <summary>
/// Mutated versions of the graphql-js cases (seeded, so reproducible) that still parse must validate without any
/// exception escaping, under every rule including the optional ones.
/// </summary>
public sealed class ValidatorRobustnessTests
{
    private const string Pieces = "{}()$@.:!=[]\"...abc1";

    [Fact]
    public void Mutated_documents_never_throw_from_validation()
    {
        var cases = ConformanceCases.Load(ConformanceCases.Locate()).Where(c => c.Kind == "executable").ToList();
        var schemas = new Dictionary<string, Schema>(StringComparer.Ordinal);
        var rules = SpecifiedRules.All.Concat([SpecifiedRules.NoDeprecated, SpecifiedRules.NoSchemaIntrospection]).ToList();
        var random = new Random(20261201);
        var validated = 0;
        for (var iteration = 0; iteration < 5000; iteration++)
        {
            var testCase = cases[random.Next(cases.Count)];
            var donor = cases[random.Next(cases.Count)].Query;
            var text = Mutate(testCase.Query, donor, random);
            DocumentNode document;
            try
            {
                document = Parser.Parse(text);
            }
            catch (GraphQLException)
            {
                continue;
            }
            if (!schemas.TryGetValue(testCase.Schema!, out var schema))
            {
                schemas[testCase.Schema!] = schema = SchemaBuilder.FromSdl(testCase.Schema!);
            }
            var all = DocumentValidator.Validate(schema, document, rules, maxErrors: 1000);
            var capped = DocumentValidator.Validate(schema, document);
            Assert.True(capped.Count <= DocumentValidator.DefaultMaxErrors + 1);
            Assert.All(all, e => Assert.False(string.IsNullOrEmpty(e.Message)));
            validated++;
        }
        Assert.True(validated > 500, $"only {validated} mutated documents parsed");
    }

    private static string Mutate(string text, string donor, Random random)
    {
        var builder = new StringBuilder(text);
        var mutations = random.Next(1, 4);
        for (var i = 0; i < mutations; i++)
        {
            var position = builder.Length == 0 ? 0 : random.Next(builder.Length);
            switch (random.Next(4))
            {
                case 0 when builder.Length > 0:
                    builder.Remove(position, Math.Min(random.Next(1, 8), builder.Length - position));
                    break;
                case 1:
                    var start = random.Next(Math.Max(1, donor.Length / 2));
                    builder.Insert(position, donor.AsSpan(start, Math.Min(donor.Length - start, random.Next(1, 40))));
                    break;
                case 2:
                    builder.Insert(position, Pieces[random.Next(Pieces.Length)]);
                    break;
                default:
                    if (builder.Length > 1)
                    {
                        var other = random.Next(builder.Length);
                        (builder[position], builder[other]) = (builder[other], builder[position]);
                    }
                    break;
            }
        }
        return builder.ToString();
    }
}
