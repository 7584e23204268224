/**
 * Browser mode without a valid session token: say how to get one, since nothing else can work.
 */
export function SessionProblem({ reason }: { reason: 'missing' | 'rejected' }) {
  return (
    <main className="session-problem" id="main">
      <h1>Open Notify Console from its link</h1>
      <p>
        {reason === 'missing'
          ? 'This page was opened without the one-time link the console printed when it started, so it cannot reach the console.'
          : 'The console did not accept this page’s session. It may have been restarted.'}
      </p>
      <p>
        Run <code>npm start</code> (or look at the terminal where it runs) and open the link it prints, which
        looks like <code>http://127.0.0.1:PORT/#token=…</code>.
      </p>
    </main>
  );
}
