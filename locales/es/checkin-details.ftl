# Los botones de la respuesta al registro y los detalles detrás de ellos
# (src/bot/messages/checkin-details.ts). Cada botón edita el mismo mensaje; «Volver» muestra la respuesta.
checkin-saved = 🌱 Guardado.
checkin-button-normal = Lo normal ahora
checkin-button-week = Últimas 7 noches
checkin-button-help = Qué puede ayudar
checkin-button-back = ← Volver
checkin-week-compare = Esta semana { NUMBER($week, maximumFractionDigits: 1) } h por noche; la anterior { NUMBER($last, maximumFractionDigits: 1) } h.
checkin-help-title = 🧭 Qué puede ayudar
checkin-help-helpline-elsewhere = 📞 { $url } reúne líneas de ayuda gratuitas por país.
