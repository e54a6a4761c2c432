namespace Mcu.Monitor.Domain;

public enum PostKind
{
    Post,
    Comment,
}
