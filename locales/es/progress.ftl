# /progress: la gráfica de sueño y las líneas debajo.
progress-chart-title = Tu sueño, últimas { $n } noches
progress-chart-hours = Horas dormidas
progress-chart-quality = Calidad del sueño
progress-chart-not-rated = Sin calificar
progress-chart-average = Promedio de 7 noches
progress-chart-missed = Sin registro
progress-chart-relapse = Volviste a consumir
progress-chart-date-format = {"{"}d{"}"} {"{"}mon{"}"}
progress-months = ene feb mar abr may jun jul ago sep oct nov dic
progress-date = { $d } { $mon }
progress-decimal-separator = ,
progress-logged = 📓 { $logged } de las últimas { $days } noches registradas
progress-week-up = 📈 Esta semana { $week } h por noche, { $change } h más que la anterior ({ $last } h)
progress-week-down = 📉 Esta semana { $week } h por noche, { $change } h menos que la anterior ({ $last } h). Hay semanas duras; no borran lo avanzado.
progress-week-same = ➡️ Esta semana { $week } h por noche, igual que la anterior
progress-week-only = 📊 Esta semana { $week } h por noche
progress-best = ⭐ Tu mejor noche: { $date }, { $hours } h
progress-since-day-zero = 🌱 Desde tu última dosis: primera semana { $first } h por noche, esta semana { $week } h.
progress-too-few =
    { $logged ->
        [0] Aún no hay noches registradas. Con 3 registros de la mañana puedo dibujar tu gráfica. Empieza con /checkin.
        [one] Llevas una noche registrada. Dos registros más y aparece tu gráfica.
       *[other] Llevas { $logged } noches registradas. Un registro más y aparece tu gráfica.
    }
progress-button-window = Ver { $n } noches
progress-rendering-failed = Ahora mismo no he podido dibujar la gráfica. Tus noches están guardadas; prueba /progress otra vez en un minuto.

# El resumen del domingo, a la hora de la noche, en lugar de la lista para relajarse.
weekly-title = 🗓️ Tu semana
weekly-improved-hours = 📈 Lo que mejoró: { $change } h más de sueño por noche que la semana pasada ({ $week } h de promedio).
weekly-improved-best = ⭐ Lo que fue bien: tu mejor noche fue el { $date }, con { $hours } h.
weekly-improved-showing-up = 🌱 Lo que fue bien: seguiste aquí, con { $logged } registros esta semana.
weekly-keep =
    { $logged ->
        [one] 🔁 Sigue con: el registro de la mañana. Uno por semana ya muestra la tendencia; unos cuantos más la aclaran.
       *[other] 🔁 Sigue con: el registro de la mañana ({ $logged } de 7 esta semana) y tu rutina para relajarte.
    }
weekly-tip = 💡 Para la semana que viene: { $tip }
