onboarding-intro =
    🌙 Hola, soy Steady Nights.

    Te acompaño en el sueño roto de la abstinencia de kratom: un registro de un minuto cada mañana, consejos para la etapa en la que estás y un recordatorio para desconectar cada noche.

    No soy atención médica ni sustituyo a un médico. En una crisis, /help te muestra dónde pedir ayuda de inmediato.

    Para llevar tu diario de sueño necesito guardar tus respuestas. Nunca las comparto, en /privacy te explico qué guardo y /delete lo borra todo. ¿Te parece bien?
onboarding-consent-yes = Sí, está bien
onboarding-consent-no = No, gracias
onboarding-consent-expected = Toca «Sí, está bien» o «No, gracias», por favor.
onboarding-declined =
    Entendido: no he guardado nada sobre ti.

    /help (apoyo ahora mismo) y /tips (consejos de sueño) siguen funcionando cuando quieras. Si cambias de idea, envía /start.
onboarding-status-question = ¿En qué punto estás ahora?
onboarding-status-stopped = Ya lo dejé
onboarding-status-planning = Pienso dejarlo
onboarding-status-using = Todavía consumo
onboarding-status-expected = Toca uno de los tres botones, por favor.
onboarding-timezone-question = ¿En qué zona horaria estás? Toca una o escribe tu ciudad (como Madrid), una zona (como Europe/Berlin) o un desfase (como UTC-5).
onboarding-timezone-expected = Toca una zona horaria o escribe tu ciudad, una zona como Europe/Berlin o un desfase como UTC-5.
onboarding-timezone-unknown = No encontré esa zona horaria.
onboarding-timezone-suggest = ¿Quisiste decir: { $suggestions }?
onboarding-lastdose-question = ¿Cuándo fue tu última dosis? Toca una opción o escribe una fecha (como 2026-11-19 o hace 3 días).
onboarding-lastdose-expected = Toca un día o escribe una fecha como 2026-11-19 o «hace 3 días».
onboarding-quit-question = ¿Cuándo piensas dejarlo? Toca una opción o escribe una fecha (como 2026-12-01 o en 5 días).
onboarding-quit-expected = Toca un día o escribe una fecha como 2026-12-01 o «en 5 días».
date-format-unknown = No pude leer eso como una fecha.
date-in-future = Esa fecha todavía no llega: tu última dosis no puede estar en el futuro.
date-too-old = Eso fue hace más de dos años. Revisa la fecha, por favor, o elige una de los últimos dos años.
date-in-past = Esa fecha ya pasó: elige hoy o un día próximo.
date-too-far = Eso es dentro de más de un año. Elige una fecha dentro del próximo año.
date-today = Hoy
date-yesterday = Ayer
date-days-ago = Hace { $days } días
date-week-ago = Hace una semana
date-tomorrow = Mañana
date-in-days = En { $days } días
date-in-week = En una semana
onboarding-morning-question = ¿A qué hora te pregunto por tu noche? Toca una o escribe una hora (como 7:30).
onboarding-morning-expected = Toca una hora o escribe una como 7:30 u 08:00.
onboarding-evening-question = ¿Y a qué hora te envío el recordatorio para desconectar? Funciona mejor como una hora antes de cuando quieras dormirte.
onboarding-evening-expected = Toca una hora o escribe una como 22:00 o «9:30 de la noche».
time-format-unknown = No pude leer eso como una hora.
time-out-of-range = Esa hora no existe en un reloj: las horas van de 0 a 23 y los minutos de 0 a 59.
onboarding-done = ✅ Todo listo.
