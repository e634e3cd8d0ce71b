namespace RfmGraph.GraphQL.Language;

/// <summary>
/// Recursive-descent parser for GraphQL documents (spec §2 and §3: executable definitions, type-system
/// definitions and extensions). Grammar, error messages and error positions follow graphql-js exactly;
/// the only additions are the limits of <see cref="ParserOptions"/>.
/// </summary>
public sealed class Parser
{
    private readonly Lexer _lexer;
    private readonly ParserOptions _options;
    private int _tokenCount;
    private int _depth;

    private Parser(Source source, ParserOptions options)
    {
        _options = options;
        if (source.Body.Length > options.MaxLength)
        {
            throw Lexer.SyntaxError(
                source,
                options.MaxLength,
                $"Source contains more than {options.MaxLength} UTF-16 code units. Parsing aborted.");
        }
        _lexer = new Lexer(source);
    }

    /// <summary>Parses a document. Throws <see cref="GraphQLSyntaxException"/> on the first syntax error.</summary>
    public static DocumentNode Parse(string text, ParserOptions? options = null) =>
        Parse(new Source(text), options);

    /// <summary>Parses a document from a named source.</summary>
    public static DocumentNode Parse(Source source, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new Parser(source, options ?? ParserOptions.Default).ParseDocument();
    }

    /// <summary>Parses a single value literal (variables allowed), e.g. <c>[1, $x]</c>.</summary>
    public static ValueNode ParseValue(string text, ParserOptions? options = null)
    {
        var parser = new Parser(new Source(text), options ?? ParserOptions.Default);
        parser.ExpectToken(TokenKind.Sof);
        var value = parser.ParseValueLiteral(isConst: false);
        parser.ExpectToken(TokenKind.Eof);
        return value;
    }

    /// <summary>Parses a constant value literal (no variables), e.g. a default value written in code.</summary>
    public static ValueNode ParseConstValue(string text, ParserOptions? options = null)
    {
        var parser = new Parser(new Source(text), options ?? ParserOptions.Default);
        parser.ExpectToken(TokenKind.Sof);
        var value = parser.ParseValueLiteral(isConst: true);
        parser.ExpectToken(TokenKind.Eof);
        return value;
    }

    /// <summary>Parses a type reference, e.g. <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string text, ParserOptions? options = null)
    {
        var parser = new Parser(new Source(text), options ?? ParserOptions.Default);
        parser.ExpectToken(TokenKind.Sof);
        var type = parser.ParseTypeReference();
        parser.ExpectToken(TokenKind.Eof);
        return type;
    }

    private DocumentNode ParseDocument()
    {
        var start = _lexer.Token;
        var definitions = Many(TokenKind.Sof, ParseDefinition, TokenKind.Eof);
        return new DocumentNode { Definitions = definitions, Location = Loc(start) };
    }

    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceL))
        {
            return ParseOperationDefinition();
        }

        var hasDescription = PeekDescription();
        var keywordToken = hasDescription ? _lexer.Lookahead() : _lexer.Token;
        if (keywordToken.Kind == TokenKind.Name)
        {
            switch (keywordToken.Value)
            {
                case "schema":
                    return ParseSchemaDefinition();
                case "scalar":
                    return ParseScalarTypeDefinition();
                case "type":
                    return ParseObjectTypeDefinition();
                case "interface":
                    return ParseInterfaceTypeDefinition();
                case "union":
                    return ParseUnionTypeDefinition();
                case "enum":
                    return ParseEnumTypeDefinition();
                case "input":
                    return ParseInputObjectTypeDefinition();
                case "directive":
                    return ParseDirectiveDefinition();
            }

            if (hasDescription)
            {
                throw Lexer.SyntaxError(
                    _lexer.Source,
                    _lexer.Token.Start,
                    "Unexpected description, descriptions are supported only on type definitions.");
            }

            switch (keywordToken.Value)
            {
                case "query":
                case "mutation":
                case "subscription":
                    return ParseOperationDefinition();
                case "fragment":
                    return ParseFragmentDefinition();
                case "extend":
                    return ParseTypeSystemExtension();
            }
        }
        throw Unexpected(keywordToken);
    }

    // ---- Operations -------------------------------------------------------------------------------

    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = _lexer.Token;
        if (Peek(TokenKind.BraceL))
        {
            var selectionSet = ParseSelectionSet();
            return new OperationDefinitionNode { Operation = OperationType.Query, SelectionSet = selectionSet, Location = Loc(start) };
        }
        var operation = ParseOperationType();
        NameNode? name = null;
        if (Peek(TokenKind.Name))
        {
            name = ParseName();
        }
        var variables = OptionalMany(TokenKind.ParenL, ParseVariableDefinition, TokenKind.ParenR);
        var directives = ParseDirectives(isConst: false);
        var set = ParseSelectionSet();
        return new OperationDefinitionNode
        {
            Operation = operation,
            Name = name,
            VariableDefinitions = variables,
            Directives = directives,
            SelectionSet = set,
            Location = Loc(start),
        };
    }

    private OperationType ParseOperationType()
    {
        var token = ExpectToken(TokenKind.Name);
        return token.Value switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            "subscription" => OperationType.Subscription,
            _ => throw Unexpected(token),
        };
    }

    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = _lexer.Token;
        var variable = ParseVariable();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptionalToken(TokenKind.EqualsSign) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new VariableDefinitionNode
        {
            Variable = variable,
            Type = type,
            DefaultValue = defaultValue,
            Directives = directives,
            Location = Loc(start),
        };
    }

    private VariableNode ParseVariable()
    {
        var start = _lexer.Token;
        ExpectToken(TokenKind.Dollar);
        var name = ParseName();
        return new VariableNode { Name = name, Location = Loc(start) };
    }

    private SelectionSetNode ParseSelectionSet()
    {
        var start = _lexer.Token;
        EnterNesting();
        var selections = Many(TokenKind.BraceL, ParseSelection, TokenKind.BraceR);
        _depth--;
        return new SelectionSetNode { Selections = selections, Location = Loc(start) };
    }

    private SelectionNode ParseSelection() => Peek(TokenKind.Spread) ? ParseFragment() : ParseField();

    private FieldNode ParseField()
    {
        var start = _lexer.Token;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        NameNode name;
        if (ExpectOptionalToken(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        else
        {
            name = nameOrAlias;
        }
        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.BraceL) ? ParseSelectionSet() : null;
        return new FieldNode
        {
            Alias = alias,
            Name = name,
            Arguments = arguments,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = Loc(start),
        };
    }

    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst) =>
        OptionalMany<ArgumentNode>(TokenKind.ParenL, isConst ? ParseConstArgument : ParseArgument, TokenKind.ParenR);

    private ArgumentNode ParseArgument() => ParseArgumentCore(isConst: false);

    private ArgumentNode ParseConstArgument() => ParseArgumentCore(isConst: true);

    private ArgumentNode ParseArgumentCore(bool isConst)
    {
        var start = _lexer.Token;
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ArgumentNode { Name = name, Value = value, Location = Loc(start) };
    }

    private SelectionNode ParseFragment()
    {
        var start = _lexer.Token;
        ExpectToken(TokenKind.Spread);
        var hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            var spreadDirectives = ParseDirectives(isConst: false);
            return new FragmentSpreadNode { Name = name, Directives = spreadDirectives, Location = Loc(start) };
        }
        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new InlineFragmentNode
        {
            TypeCondition = typeCondition,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = Loc(start),
        };
    }

    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = _lexer.Token;
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode
        {
            Name = name,
            TypeCondition = typeCondition,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = Loc(start),
        };
    }

    private NameNode ParseFragmentName()
    {
        if (_lexer.Token.Value == "on")
        {
            throw Unexpected(_lexer.Token);
        }
        return ParseName();
    }

    // ---- Values -----------------------------------------------------------------------------------

    private ValueNode ParseValueLiteral(bool isConst)
    {
        var token = _lexer.Token;
        switch (token.Kind)
        {
            case TokenKind.BracketL:
                return ParseList(isConst);
            case TokenKind.BraceL:
                return ParseObject(isConst);
            case TokenKind.Int:
                AdvanceLexer();
                return new IntValueNode(token.Value!) { Location = Loc(token) };
            case TokenKind.Float:
                AdvanceLexer();
                return new FloatValueNode(token.Value!) { Location = Loc(token) };
            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                AdvanceLexer();
                return token.Value switch
                {
                    "true" => new BooleanValueNode(true) { Location = Loc(token) },
                    "false" => new BooleanValueNode(false) { Location = Loc(token) },
                    "null" => new NullValueNode { Location = Loc(token) },
                    _ => new EnumValueNode(token.Value!) { Location = Loc(token) },
                };
            case TokenKind.Dollar:
                if (isConst)
                {
                    ExpectToken(TokenKind.Dollar);
                    if (_lexer.Token.Kind == TokenKind.Name)
                    {
                        throw Lexer.SyntaxError(
                            _lexer.Source,
                            token.Start,
                            $"Unexpected variable \"${_lexer.Token.Value}\" in constant value.");
                    }
                    throw Unexpected(token);
                }
                return ParseVariable();
            default:
                throw Unexpected(_lexer.Token);
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = _lexer.Token;
        AdvanceLexer();
        return new StringValueNode(token.Value!, token.Kind == TokenKind.BlockString) { Location = Loc(token) };
    }

    private ListValueNode ParseList(bool isConst)
    {
        var start = _lexer.Token;
        EnterNesting();
        var values = Any<ValueNode>(TokenKind.BracketL, isConst ? ParseConstValueItem : ParseValueItem, TokenKind.BracketR);
        _depth--;
        return new ListValueNode { Values = values, Location = Loc(start) };
    }

    private ValueNode ParseValueItem() => ParseValueLiteral(isConst: false);

    private ValueNode ParseConstValueItem() => ParseValueLiteral(isConst: true);

    private ObjectValueNode ParseObject(bool isConst)
    {
        var start = _lexer.Token;
        EnterNesting();
        var fields = Any<ObjectFieldNode>(TokenKind.BraceL, isConst ? ParseConstObjectField : ParseObjectField, TokenKind.BraceR);
        _depth--;
        return new ObjectValueNode { Fields = fields, Location = Loc(start) };
    }

    private ObjectFieldNode ParseObjectField() => ParseObjectFieldCore(isConst: false);

    private ObjectFieldNode ParseConstObjectField() => ParseObjectFieldCore(isConst: true);

    private ObjectFieldNode ParseObjectFieldCore(bool isConst)
    {
        var start = _lexer.Token;
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ObjectFieldNode { Name = name, Value = value, Location = Loc(start) };
    }

    // ---- Directives and types ---------------------------------------------------------------------

    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }
        var directives = new List<DirectiveNode>(1);
        while (Peek(TokenKind.At))
        {
            var start = _lexer.Token;
            ExpectToken(TokenKind.At);
            var name = ParseName();
            var arguments = ParseArguments(isConst);
            directives.Add(new DirectiveNode { Name = name, Arguments = arguments, Location = Loc(start) });
        }
        return directives.ToArray();
    }

    private TypeNode ParseTypeReference()
    {
        var start = _lexer.Token;
        TypeNode type;
        if (ExpectOptionalToken(TokenKind.BracketL))
        {
            EnterNesting();
            var inner = ParseTypeReference();
            ExpectToken(TokenKind.BracketR);
            _depth--;
            type = new ListTypeNode { Type = inner, Location = Loc(start) };
        }
        else
        {
            type = ParseNamedType();
        }
        if (ExpectOptionalToken(TokenKind.Bang))
        {
            return new NonNullTypeNode { Type = type, Location = Loc(start) };
        }
        return type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = _lexer.Token;
        var name = ParseName();
        return new NamedTypeNode { Name = name, Location = Loc(start) };
    }

    private NameNode ParseName()
    {
        var token = ExpectToken(TokenKind.Name);
        return new NameNode(token.Value!) { Location = Loc(token) };
    }

    // ---- Type system ------------------------------------------------------------------------------

    private bool PeekDescription() => Peek(TokenKind.String) || Peek(TokenKind.BlockString);

    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        var operationTypes = Many(TokenKind.BraceL, ParseOperationTypeDefinition, TokenKind.BraceR);
        return new SchemaDefinitionNode
        {
            Description = description,
            Directives = directives,
            OperationTypes = operationTypes,
            Location = Loc(start),
        };
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = _lexer.Token;
        var operation = ParseOperationType();
        ExpectToken(TokenKind.Colon);
        var type = ParseNamedType();
        return new OperationTypeDefinitionNode { Operation = operation, Type = type, Location = Loc(start) };
    }

    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new ScalarTypeDefinitionNode { Description = description, Name = name, Directives = directives, Location = Loc(start) };
    }

    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = OptionalMany(TokenKind.BraceL, ParseFieldDefinition, TokenKind.BraceR);
        return new ObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
            Location = Loc(start),
        };
    }

    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces() =>
        ExpectOptionalKeyword("implements") ? DelimitedMany(TokenKind.Amp, ParseNamedType) : [];

    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = OptionalMany(TokenKind.ParenL, ParseInputValueDefinition, TokenKind.ParenR);
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var directives = ParseDirectives(isConst: true);
        return new FieldDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Type = type,
            Directives = directives,
            Location = Loc(start),
        };
    }

    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptionalToken(TokenKind.EqualsSign) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new InputValueDefinitionNode
        {
            Description = description,
            Name = name,
            Type = type,
            DefaultValue = defaultValue,
            Directives = directives,
            Location = Loc(start),
        };
    }

    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = OptionalMany(TokenKind.BraceL, ParseFieldDefinition, TokenKind.BraceR);
        return new InterfaceTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
            Location = Loc(start),
        };
    }

    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        return new UnionTypeDefinitionNode { Description = description, Name = name, Directives = directives, Types = types, Location = Loc(start) };
    }

    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes() =>
        ExpectOptionalToken(TokenKind.EqualsSign) ? DelimitedMany(TokenKind.Pipe, ParseNamedType) : [];

    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = OptionalMany(TokenKind.BraceL, ParseEnumValueDefinition, TokenKind.BraceR);
        return new EnumTypeDefinitionNode { Description = description, Name = name, Directives = directives, Values = values, Location = Loc(start) };
    }

    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var token = _lexer.Token;
        if (token.Value is "true" or "false" or "null")
        {
            throw Lexer.SyntaxError(_lexer.Source, token.Start, $"{token.Description} is reserved and cannot be used for an enum value.");
        }
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new EnumValueDefinitionNode { Description = description, Name = name, Directives = directives, Location = Loc(start) };
    }

    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = OptionalMany(TokenKind.BraceL, ParseInputValueDefinition, TokenKind.BraceR);
        return new InputObjectTypeDefinitionNode { Description = description, Name = name, Directives = directives, Fields = fields, Location = Loc(start) };
    }

    private DefinitionNode ParseTypeSystemExtension()
    {
        var keywordToken = _lexer.Lookahead();
        if (keywordToken.Kind == TokenKind.Name)
        {
            switch (keywordToken.Value)
            {
                case "schema":
                    return ParseSchemaExtension();
                case "scalar":
                    return ParseScalarTypeExtension();
                case "type":
                    return ParseObjectTypeExtension();
                case "interface":
                    return ParseInterfaceTypeExtension();
                case "union":
                    return ParseUnionTypeExtension();
                case "enum":
                    return ParseEnumTypeExtension();
                case "input":
                    return ParseInputObjectTypeExtension();
            }
        }
        throw Unexpected(keywordToken);
    }

    private SchemaExtensionNode ParseSchemaExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        var operationTypes = OptionalMany(TokenKind.BraceL, ParseOperationTypeDefinition, TokenKind.BraceR);
        if (directives.Count == 0 && operationTypes.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }
        return new SchemaExtensionNode { Directives = directives, OperationTypes = operationTypes, Location = Loc(start) };
    }

    private ScalarTypeExtensionNode ParseScalarTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        if (directives.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }
        return new ScalarTypeExtensionNode { Name = name, Directives = directives, Location = Loc(start) };
    }

    private ObjectTypeExtensionNode ParseObjectTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = OptionalMany(TokenKind.BraceL, ParseFieldDefinition, TokenKind.BraceR);
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }
        return new ObjectTypeExtensionNode { Name = name, Interfaces = interfaces, Directives = directives, Fields = fields, Location = Loc(start) };
    }

    private InterfaceTypeExtensionNode ParseInterfaceTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = OptionalMany(TokenKind.BraceL, ParseFieldDefinition, TokenKind.BraceR);
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }
        return new InterfaceTypeExtensionNode { Name = name, Interfaces = interfaces, Directives = directives, Fields = fields, Location = Loc(start) };
    }

    private UnionTypeExtensionNode ParseUnionTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        if (directives.Count == 0 && types.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }
        return new UnionTypeExtensionNode { Name = name, Directives = directives, Types = types, Location = Loc(start) };
    }

    private EnumTypeExtensionNode ParseEnumTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = OptionalMany(TokenKind.BraceL, ParseEnumValueDefinition, TokenKind.BraceR);
        if (directives.Count == 0 && values.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }
        return new EnumTypeExtensionNode { Name = name, Directives = directives, Values = values, Location = Loc(start) };
    }

    private InputObjectTypeExtensionNode ParseInputObjectTypeExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = OptionalMany(TokenKind.BraceL, ParseInputValueDefinition, TokenKind.BraceR);
        if (directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected(_lexer.Token);
        }
        return new InputObjectTypeExtensionNode { Name = name, Directives = directives, Fields = fields, Location = Loc(start) };
    }

    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("directive");
        ExpectToken(TokenKind.At);
        var name = ParseName();
        var arguments = OptionalMany(TokenKind.ParenL, ParseInputValueDefinition, TokenKind.ParenR);
        var repeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");
        var locations = DelimitedMany(TokenKind.Pipe, ParseDirectiveLocation);
        return new DirectiveDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Repeatable = repeatable,
            Locations = locations,
            Location = Loc(start),
        };
    }

    private NameNode ParseDirectiveLocation()
    {
        var start = _lexer.Token;
        var name = ParseName();
        if (DirectiveLocationNames.IsValid(name.Value))
        {
            return name;
        }
        throw Unexpected(start);
    }

    // ---- Token helpers (graphql-js names) ---------------------------------------------------------

    private Location Loc(Token start) => new(start.Start, _lexer.LastToken.End, _lexer.Source);

    private bool Peek(TokenKind kind) => _lexer.Token.Kind == kind;

    private Token ExpectToken(TokenKind kind)
    {
        var token = _lexer.Token;
        if (token.Kind == kind)
        {
            AdvanceLexer();
            return token;
        }
        throw Lexer.SyntaxError(_lexer.Source, token.Start, $"Expected {Token.KindDescription(kind)}, found {token.Description}.");
    }

    private bool ExpectOptionalToken(TokenKind kind)
    {
        if (_lexer.Token.Kind == kind)
        {
            AdvanceLexer();
            return true;
        }
        return false;
    }

    private void ExpectKeyword(string value)
    {
        var token = _lexer.Token;
        if (token.Kind == TokenKind.Name && token.Value == value)
        {
            AdvanceLexer();
            return;
        }
        throw Lexer.SyntaxError(_lexer.Source, token.Start, $"Expected \"{value}\", found {token.Description}.");
    }

    private bool ExpectOptionalKeyword(string value)
    {
        var token = _lexer.Token;
        if (token.Kind == TokenKind.Name && token.Value == value)
        {
            AdvanceLexer();
            return true;
        }
        return false;
    }

    private GraphQLSyntaxException Unexpected(Token token) =>
        Lexer.SyntaxError(_lexer.Source, token.Start, $"Unexpected {token.Description}.");

    private IReadOnlyList<T> Any<T>(TokenKind open, Func<T> parse, TokenKind close)
    {
        ExpectToken(open);
        if (ExpectOptionalToken(close))
        {
            return [];
        }
        var nodes = new List<T>();
        do
        {
            nodes.Add(parse());
        }
        while (!ExpectOptionalToken(close));
        return [.. nodes];
    }

    private IReadOnlyList<T> OptionalMany<T>(TokenKind open, Func<T> parse, TokenKind close)
    {
        if (!ExpectOptionalToken(open))
        {
            return [];
        }
        var nodes = new List<T>();
        do
        {
            nodes.Add(parse());
        }
        while (!ExpectOptionalToken(close));
        return [.. nodes];
    }

    private IReadOnlyList<T> Many<T>(TokenKind open, Func<T> parse, TokenKind close)
    {
        ExpectToken(open);
        var nodes = new List<T>();
        do
        {
            nodes.Add(parse());
        }
        while (!ExpectOptionalToken(close));
        return [.. nodes];
    }

    private IReadOnlyList<T> DelimitedMany<T>(TokenKind delimiter, Func<T> parse)
    {
        ExpectOptionalToken(delimiter);
        var nodes = new List<T>();
        do
        {
            nodes.Add(parse());
        }
        while (ExpectOptionalToken(delimiter));
        return [.. nodes];
    }

    private void AdvanceLexer()
    {
        var token = _lexer.Advance();
        if (token.Kind != TokenKind.Eof && ++_tokenCount > _options.MaxTokens)
        {
            // Wording (including "more that") is graphql-js's, so both servers answer identically.
            throw Lexer.SyntaxError(_lexer.Source, token.Start, $"Document contains more that {_options.MaxTokens} tokens. Parsing aborted.");
        }
    }

    private void EnterNesting()
    {
        if (++_depth > _options.MaxDepth)
        {
            throw Lexer.SyntaxError(
                _lexer.Source,
                _lexer.Token.Start,
                $"Document exceeds the maximum nesting depth of {_options.MaxDepth}. Parsing aborted.");
        }
    }
}
