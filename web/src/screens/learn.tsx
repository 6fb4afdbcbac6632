// Learn: short pages on why morning back pain returns and what helps.
import { Icon } from '../components/icons';
import { LEARN_PAGES } from '../learn/pages';

export function LearnIndex() {
  return (
    <div class="screen learn">
      <h1 tabIndex={-1}>Learn</h1>
      <p class="lead">Four short reads on why your back is worst in the morning, and what actually helps.</p>
      <ul class="learn-list">
        {LEARN_PAGES.map((p, i) => (
          <li key={p.slug}>
            <a href={`/learn/${p.slug}`} class="learn-link">
              <span class="learn-number" aria-hidden="true">
                {i + 1}
              </span>
              <span>
                <strong>{p.title}</strong>
                <span class="muted">{p.summary}</span>
              </span>
              <Icon name="arrow" size={20} />
            </a>
          </li>
        ))}
      </ul>
      <SafetyNote />
    </div>
  );
}

export function LearnPageScreen({ slug }: { slug: string }) {
  const index = LEARN_PAGES.findIndex((p) => p.slug === slug);
  const page = LEARN_PAGES[index];
  if (!page) {
    return (
      <div class="screen">
        <h1 tabIndex={-1}>No such page</h1>
        <p>
          <a href="/learn">All pages</a>
        </p>
      </div>
    );
  }
  const next = LEARN_PAGES[index + 1];
  return (
    <article class="screen learn-page">
      <a class="back-link" href="/learn">
        <Icon name="back" size={18} /> Learn
      </a>
      <h1 tabIndex={-1}>{page.title}</h1>
      <p class="lead">{page.lead}</p>
      {page.sections.map((s) => (
        <section key={s.heading}>
          <h2>{s.heading}</h2>
          {s.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {s.points && (
            <ul>
              {s.points.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {next && (
        <a class="next-page" href={`/learn/${next.slug}`}>
          <span class="muted">Next</span> <strong>{next.title}</strong> <Icon name="arrow" size={20} />
        </a>
      )}
      <footer class="sources">
        <h2>Sources</h2>
        <ul>
          {page.sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </footer>
      <SafetyNote />
    </article>
  );
}

export function SafetyNote() {
  return (
    <aside class="notice safety" aria-label="When to seek care">
      <p>
        daybreak is a self-care tool, not a diagnosis. Seek care now if you have new numbness around the genitals or buttocks, new
        trouble passing urine or controlling your bladder or bowels, pain or weakness in both legs, weakness that is getting worse, or
        back pain after a serious accident.
      </p>
    </aside>
  );
}
