namespace RfmGraph.Sales.Demo;

/// <summary>Name parts for demo customers (a small, fixed list keeps the data set reproducible).</summary>
internal static class DemoNames
{
    private static readonly string[] First =
    [
        "Ana", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kemal", "Lena", "Marco", "Nadia",
        "Oscar", "Paula", "Quentin", "Rosa", "Samir", "Tara", "Ugo", "Vera", "Wen", "Ximena", "Yusuf", "Zoe", "Amara", "Bruno",
        "Chloe", "Dmitri", "Esme", "Felix", "Giulia", "Hana", "Ivan", "Julia", "Kofi", "Lucia", "Mateo", "Nora",
    ];

    private static readonly string[] Last =
    [
        "Silva", "Meyer", "Rossi", "Novak", "Kowalski", "Garcia", "Dubois", "Jensen", "Okafor", "Tanaka", "Haddad", "Costa",
        "Fischer", "Larsen", "Moreau", "Petrov", "Santos", "Weber", "Yilmaz", "Nguyen", "Kim", "Murphy", "Schmidt", "Bianchi",
        "Ferreira", "Lopez", "Walsh", "Horvat", "Ivanova", "Berg",
    ];

    public static (string First, string Last) Pick(ref DemoRandom random) =>
        (First[random.Between(0, First.Length - 1)], Last[random.Between(0, Last.Length - 1)]);
}
