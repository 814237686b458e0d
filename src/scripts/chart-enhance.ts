export {};

/**
 * Progressive enhancement of an indicator page: on request, chart.js draws
 * an interactive version (tooltips, series toggles) above the SVG and the
 * table, which stay in the page. chart.js is loaded only then.
 */
interface ChartData {
  unite: string;
  annees: number[];
  series: { nom: string; type?: string; valeurs: (number | null)[] }[];
}

const PALETTE = ['#1f4e8c', '#b5472a', '#2c7a4b', '#7a3e9d', '#a86b00', '#0f6e78'];
const GREYS = ['#5b6472', '#7d8593', '#9aa1ad', '#3d4450'];

for (const holder of document.querySelectorAll<HTMLElement>('.chart-enhance[data-chart]')) {
  const data = JSON.parse(holder.dataset.chart!) as ChartData;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button chart-toggle';
  button.textContent = 'Afficher le graphique interactif';
  holder.prepend(button);
  button.addEventListener('click', async () => {
    button.disabled = true;
    const { Chart, LineController, BarController, LineElement, BarElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend } = await import('chart.js');
    Chart.register(LineController, BarController, LineElement, BarElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);
    const wrap = document.createElement('div');
    wrap.className = 'chart-interactive';
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', 'Version interactive du graphique ; les mêmes valeurs figurent dans le tableau ci-dessous');
    wrap.append(canvas);
    button.replaceWith(wrap);
    let q = 0;
    let g = 0;
    const color = (type?: string) => (type === 'quartier' ? PALETTE[q++ % PALETTE.length]! : GREYS[g++ % GREYS.length]!);
    const multi = data.annees.length > 1;
    const fmt = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
    new Chart(canvas, {
      type: multi ? 'line' : 'bar',
      data: multi
        ? { labels: data.annees.map(String), datasets: data.series.map((s) => ({ label: s.nom, data: s.valeurs, borderColor: color(s.type), backgroundColor: 'transparent', spanGaps: false })) }
        : { labels: data.series.map((s) => s.nom), datasets: [{ label: String(data.annees[0]), data: data.series.map((s) => s.valeurs[0] ?? null), backgroundColor: data.series.map((s) => color(s.type)) }] },
      options: {
        locale: 'fr-FR',
        plugins: {
          legend: { display: multi },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''} : ${c.parsed.y === null ? 'secret statistique' : `${fmt.format(c.parsed.y)} ${data.unite}`}` } },
        },
        scales: { y: { beginAtZero: true } },
      },
    });
  });
}
