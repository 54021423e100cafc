# Recordatorio de la mañana, a la hora del registro de la persona.
reminder-morning = ☀️ Buenos días. ¿Qué tal pasaste la noche? Cinco toques rápidos, menos de un minuto.
reminder-morning-again = ☀️ Aquí tienes otra vez tu registro, como pediste. Cinco toques rápidos.
reminder-button-start = Empezar el registro
reminder-button-later = Recuérdamelo en 1 hora
reminder-button-skip-today = Hoy no
reminder-later-set = De acuerdo, te lo vuelvo a preguntar a las { $time }.
reminder-later-used = Hoy solo te lo recuerdo una vez más como mucho. Puedes empezar cuando quieras con /checkin.
reminder-skipped-today = De acuerdo, hoy sin registro. Descansar también cuenta. /checkin funciona a cualquier hora si cambias de idea.
reminder-already-done = Ya hiciste el registro de hoy. Gracias. 🌱
reminder-old-prompt = Ese aviso era de una mañana anterior; este es el registro de hoy.

# Recordatorio de la noche, a la hora de relajarse.
winddown-title = 🌙 Es hora de ir bajando el ritmo.
winddown-night = Esta noche es la noche { $night } · { $phase }
winddown-checklist-title = Tres cosas para esta noche:
winddown-item-screens-off = Pantallas fuera ya. Su luz frena la melatonina justo en la hora en que la necesitas.
winddown-item-cool-dark-room = Habitación fresca y a oscuras: unos 18–19 °C, con las cortinas cerradas.
winddown-item-melatonin-timing = Si tomas melatonina: una dosis baja (0,5–1 mg) ahora, más o menos una hora antes de dormir.
winddown-item-antihistamine-bridge = Si en la farmacia te dieron el visto bueno a un antihistamínico sin receta como puente: solo las noches 1 a 5, deja de funcionar en más o menos una semana.
winddown-item-rest-counts = Acuéstate de todos modos. Descansar a oscuras cuenta, aunque el sueño no llegue.
winddown-item-no-vigorous-exercise = Nada intenso ahora: un paseo tranquilo o estiramientos sí; el ejercicio fuerte, mejor más temprano.
winddown-button-skip = Esta noche no
winddown-button-stop = No más avisos de noche
winddown-skipped = De acuerdo, esta noche sin lista. Trátate con cariño. 🌙
winddown-stopped = Los avisos de la noche están desactivados. Puedes volver a activarlos en /settings.
