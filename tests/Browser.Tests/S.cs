public class S { [Xunit.Fact] public void A() { } }
