# /report: un resumen de una página en PDF para enseñar a quien te recete (src/report/, src/bot/features/report.ts).
command-report = Un PDF de una página para tu médico
report-choose = 📄 Preparo un resumen de una página de tu diario de sueño (un PDF) para que se lo enseñes a quien pueda recetarte. ¿Cuántas noches quieres que abarque?
report-choose-button = Últimas { $n } noches
report-making = 📄 Preparando tu resumen de las últimas { $n } noches…
report-caption = 📄 Tu resumen de sueño, { $from } – { $to }. Puedes enseñarlo en el móvil, reenviarlo o imprimirlo. No he guardado nada nuevo.
report-too-few =
    { $logged ->
        [0] Aún no hay registros en las últimas { $n } noches, así que el resumen saldría en blanco. Con 3 registros de la mañana (/checkin) estará listo.
        [one] Solo hay una noche registrada en las últimas { $n } noches. Con dos registros más por la mañana (/checkin) el resumen estará listo.
       *[other] Hay { $logged } noches registradas en las últimas { $n } noches. Con un registro más por la mañana (/checkin) el resumen estará listo.
    }
report-failed = Lo siento, ahora mismo no he podido crear el PDF. Tus noches están guardadas; vuelve a probar /report en unos minutos.
# En los avisos de apoyo (no-sleep, persistent, anxiety-rising).
report-warning-button = 📄 Hacer un resumen para tu médico

# La página del PDF. Fechas y números con el formato del idioma.
report-doc-title = Resumen del diario de sueño
report-subtitle = { $from } – { $to } · últimas { $n } noches
report-date-row = { DATETIME($date, weekday: "short", day: "numeric", month: "short") }
report-date-short = { DATETIME($date, day: "numeric", month: "short") }
report-date-medium = { DATETIME($date, dateStyle: "medium") }
report-date-run = { $from } – { $to }
report-number = { NUMBER($n, maximumFractionDigits: 1) }
report-hours = { NUMBER($hours, maximumFractionDigits: 1) } h
report-scale-value = { $word } ({ $n })
report-day = Día { $day } desde la última dosis · etapa: { $phase }
report-phase-only = Etapa: { $phase }
report-relapses-none = No se registró ningún consumo en este periodo
report-relapses =
    { $count ->
        [one] Volvió a consumir el { $dates } (la cuenta de días empezó de nuevo)
       *[other] Volvió a consumir: { $dates } (la cuenta de días empezó de nuevo cada vez)
    }
report-logged = Noches registradas: { $logged } de { $n }
report-chart-title = Horas dormidas por noche
report-averages-title = Esta semana frente a la anterior
report-this-week = Esta semana
report-last-week = Semana anterior
report-avg-hours = Horas dormidas por noche
report-avg-quality = Calidad del sueño (1–5)
report-avg-restless = Inquietud (0–3)
report-avg-anxiety = Ansiedad (0–10)
report-avg-nights = Noches registradas
report-nights-of-week = { $nights } de 7
report-signs-title = Señales de apoyo que mostró el diario
report-signs-none = Ninguna en este periodo.
report-sign-no-sleep = Varias noches durmiendo poco o nada
report-sign-anxiety-rising = Ansiedad en aumento
report-sign-unstable = Estado de ánimo inestable
report-sign-cant-function = No podía con el día a día
report-sign-relapse-risk = Muchas ganas de consumir
report-sign-persistent = Insomnio durante más de 2 semanas sin mejorar
report-table-title = Noche a noche
report-col-date = Fecha
report-col-hours = Sueño
report-col-quality = Calidad (1–5)
report-col-restless = Inquietud (0–3)
report-col-anxiety = Ansiedad (0–10)
report-col-flags = Indicado ese día
report-col-wakes = Despertares nocturnos
report-no-entry = Sin registro
report-not-yet = Aún sin registro hoy
report-empty = —
report-flag-cant-function = No podía con el día
report-flag-unstable = Ánimo inestable
report-flag-urge = Muchas ganas de consumir
report-flag-self-harm = Pensamientos de hacerse daño
report-flag-relapse = Volvió a consumir
report-prescriber = Un profesional que pueda recetar puede hablar del tratamiento del insomnio de la abstinencia.
report-footer = Diario de sueño registrado por la propia persona en Steady Nights; no es un historial médico.
report-made-on = Creado el { $date }
