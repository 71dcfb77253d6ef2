using System.Text;
using Addons.Cleaner.Native;
using Addons.Cleaner.Scanning;
using Addons.Cleaner.Tests.TestSupport;

namespace Addons.Cleaner.Tests.Scanning;

public sealed unsafe class DirectoryChainTests
{
    [Fact]
    public void Push_DeeperThanMaxOpen_KeepsOnlyMaxOpenDescriptors()
    {
        using var tree = new TempTree();
        tree.Dir("a/b/c/d");
        using var chain = Open(tree.Root, maxOpen: 2);

        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            Assert.Equal(0, Push(chain, name));
        }

        Assert.Equal(5, chain.Count);
        Assert.Equal(2, chain.OpenDescriptors);
    }

    [Fact]
    public void Pop_ClosedParentStillInPlace_IsReopened()
    {
        using var tree = new TempTree();
        tree.Dir("a/b/c");
        using var chain = Open(tree.Root, maxOpen: 1);
        Push(chain, "a");
        Push(chain, "b");
        Push(chain, "c");

        Assert.Equal(0, chain.Pop());
        Assert.False(chain.IsTopLost);
        Assert.Equal(0, Push(chain, "c"));
    }

    [Fact]
    public void Pop_ParentReplacedWhileItsDescriptorWasClosed_IsLostNotConfused()
    {
        using var tree = new TempTree();
        tree.Dir("a/b");
        tree.Dir("x");
        using var chain = Open(tree.Root, maxOpen: 1);
        Push(chain, "a");
        Push(chain, "b");

        // b moves under another directory: its ".." is no longer a.
        Directory.Move(tree.PathOf("a/b"), tree.PathOf("x/b"));

        Assert.Equal(Libc.ESTALE, chain.Pop());
        Assert.True(chain.IsTopLost);
        Assert.Equal(0, chain.Pop());
        Assert.True(chain.IsTopLost);
    }

    private static DirectoryChain Open(string root, int maxOpen)
    {
        var chain = new DirectoryChain(maxOpen);
        fixed (byte* path = Encoding.UTF8.GetBytes(root + "\0"))
        {
            Assert.Equal(0, chain.Reset(Libc.Open(path, Libc.OpenDirectoryFollow)));
        }

        return chain;
    }

    private static int Push(DirectoryChain chain, string name)
    {
        fixed (byte* pointer = Encoding.UTF8.GetBytes(name + "\0"))
        {
            return chain.Push(pointer);
        }
    }
}
