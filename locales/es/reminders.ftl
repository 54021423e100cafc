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
winddown-item-cool-dark-room = Habitación fresca y a oscuras: unos 18–19 °C (65–67 °F), con las cortinas cerradas.
winddown-item-melatonin-timing = Sobre la melatonina: una dosis baja (0,5–1 mg) 1 hora antes de dormir marca el horario; no es un sedante. Consúltalo antes en la farmacia.
winddown-item-antihistamine-bridge = Sobre los antihistamínicos sin receta: un puente para las primeras 3–5 noches como mucho; con una semana de uso cada noche, el cuerpo se acostumbra a su efecto sedante. Consúltalo antes en la farmacia.
winddown-item-rest-counts = Acuéstate cuando tengas sueño, no por la hora. Descansar tranquilo cuenta, aunque no duermas.
winddown-item-bed-when-sleepy = Acuéstate cuando tengas sueño, no a una hora fija. La hora fija de levantarte es la que marca el ritmo.
winddown-item-no-vigorous-exercise = Nada intenso en las 3 horas antes de dormir: un paseo tranquilo o estiramientos sí; el ejercicio, mejor por la mañana o a primera hora de la tarde.
winddown-button-skip = Esta noche no
winddown-button-stop = No más avisos de noche
winddown-skipped = De acuerdo, esta noche sin lista. Trátate con cariño. 🌙
winddown-stopped = Los avisos de la noche están desactivados. Puedes volver a activarlos en /settings.
