// Presentation mode: arrow keys move between agenda cases, Escape leaves. Links do the moving, so the page
// works the same with the keyboard, a clicker (which sends arrow keys) or a mouse.
document.addEventListener('keydown', function (event) {
  var target = null;
  if (event.key === 'ArrowRight' || event.key === 'PageDown' || event.key === ' ') { target = document.getElementById('next'); }
  if (event.key === 'ArrowLeft' || event.key === 'PageUp') { target = document.getElementById('prev'); }
  if (target) { event.preventDefault(); window.location.href = target.href; }
  if (event.key === 'Escape') { var leave = document.querySelector('.nav a'); if (leave) { window.location.href = leave.href; } }
});
