using System.Buffers;
using System.Text;
using RfmGraph.Platform.Redis;
using Xunit;

namespace RfmGraph.Platform.Tests.Redis;

public sealed class RespProtocolTests
{
    [Fact]
    public void Commands_are_arrays_of_bulk_strings()
    {
        var output = new ArrayBufferWriter<byte>();
        RespProtocol.WriteCommand(output, [Encoding.UTF8.GetBytes("SET"), Encoding.UTF8.GetBytes("k"), Encoding.UTF8.GetBytes("välue")]);
        Assert.Equal("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$6\r\nvälue\r\n", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Theory]
    [InlineData("+OK\r\n", "SimpleString:OK")]
    [InlineData("-ERR wrong\r\n", "Error:ERR wrong")]
    [InlineData(":-42\r\n", "Integer:-42")]
    [InlineData("$5\r\nhe\r\nl\r\n", "BulkString:he\r\nl")]
    [InlineData("$0\r\n\r\n", "BulkString:")]
    [InlineData("$-1\r\n", "(nil)")]
    [InlineData("*-1\r\n", "(nil)")]
    [InlineData("*2\r\n:1\r\n*1\r\n$1\r\nx\r\n", "Array[Integer:1, Array[BulkString:x]]")]
    [InlineData("_\r\n", "(nil)")]
    [InlineData("#t\r\n", "Boolean:1")]
    [InlineData(",3.5\r\n", "Double:3.5")]
    [InlineData("%1\r\n+a\r\n:2\r\n", "Array[SimpleString:a, Integer:2]")]
    [InlineData(">2\r\n+message\r\n+x\r\n", "Push[SimpleString:message, SimpleString:x]")]
    public void Replies_parse(string wire, string expected)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(wire + "+next\r\n")));
        Assert.True(RespProtocol.TryParse(ref reader, out var value));
        Assert.Equal(expected, value.ToString());
        Assert.True(RespProtocol.TryParse(ref reader, out var next));
        Assert.Equal("SimpleString:next", next.ToString());
    }

    [Fact]
    public void A_partial_reply_leaves_the_reader_where_it_was()
    {
        var whole = Encoding.UTF8.GetBytes("*2\r\n$5\r\nhello\r\n:7\r\n");
        for (var cut = 0; cut < whole.Length; cut++)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(whole, 0, cut));
            Assert.False(RespProtocol.TryParse(ref reader, out _));
            Assert.Equal(0, reader.Consumed);
        }
    }

    [Fact]
    public void A_reply_split_across_segments_parses()
    {
        var bytes = Encoding.UTF8.GetBytes("$11\r\nhello world\r\n");
        var first = new Segment(bytes.AsMemory(0, 9));
        var last = first.Append(bytes.AsMemory(9));
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
        Assert.True(RespProtocol.TryParse(ref reader, out var value));
        Assert.Equal("hello world", value.AsString());
    }

    [Theory]
    [InlineData("?what\r\n", "unknown reply type '?'")]
    [InlineData(":12x\r\n", "'12x' where a number belongs")]
    [InlineData("$3\r\nabcd\r\n", "did not end with CRLF")]
    public void Malformed_replies_break_the_connection_with_a_reason(string wire, string reason)
    {
        var exception = Assert.Throws<RedisConnectionException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(wire)));
            RespProtocol.TryParse(ref reader, out _);
        });
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
