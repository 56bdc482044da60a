// The application shell. The expert, secretariat and chair screens arrive with their issues;
// until then the shell states what this build can do and points at the command line.
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif', padding: 24 }}>
      <h1>评审工作台 ReviewDesk</h1>
      <p>本版本提供命令行：reviewdesk keygen / pack / inspect / import。</p>
    </main>
  );
}
