using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Tests.Validation;

/// <summary>A small schema with interfaces, unions, inputs and arguments for the validator's own tests.</summary>
internal static class ValidationTestSchema
{
    public const string Sdl = """
        interface Pet { name: String }
        type Dog implements Pet { name: String nickname: String barkVolume: Int friends: [Dog] owner: Human }
        type Cat implements Pet { name: String meowVolume: Int }
        union CatOrDog = Cat | Dog
        type Human { name: String pets: [Pet] }
        input Filter { name: String limit: Int! }
        input PetBy @oneOf { name: String id: ID }
        type Query {
          dog: Dog
          pet: Pet
          catOrDog: CatOrDog
          human(id: ID!): Human
          dogs(filter: Filter): [Dog]
          petBy(by: PetBy!): Pet
          pets(by: PetBy): [Pet]
        }
        type Subscription { newDog: Dog newCat: Cat }
        """;

    public static Schema Schema { get; } = SchemaBuilder.FromSdl(Sdl);
}
