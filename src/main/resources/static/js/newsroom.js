// The newsroom's only script: the Publish button reads "Schedule" while "Publish at" is in the future.
document.addEventListener('DOMContentLoaded', function () {
    var when = document.getElementById('publishAt');
    var button = document.getElementById('publish-button');
    if (!when || !button) {
        return;
    }
    function label() {
        var time = when.value ? new Date(when.value) : null;
        var later = time && !isNaN(time.getTime()) && time.getTime() > Date.now();
        button.textContent = later ? button.dataset.schedule : button.dataset.publish;
    }
    when.addEventListener('input', label);
    when.addEventListener('change', label);
});
